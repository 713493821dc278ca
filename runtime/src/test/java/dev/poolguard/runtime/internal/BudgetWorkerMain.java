package dev.poolguard.runtime.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test JVM on a budget: {@code work <threads> <seconds>} borrows from its shared pool on every
 * thread for that long, each borrow a short query; {@code hold <n>} borrows {@code n} connections,
 * prints {@code holding} and keeps them until killed. Settings come from {@code poolguard.*} system
 * properties, as in a Surefire fork.
 */
final class BudgetWorkerMain {
  private BudgetWorkerMain() {}

  public static void main(String[] args) throws Exception {
    SharedPool pool = SharedPool.open(SettingsResolver.ofProcess().resolve(), poolName());
    if (args[0].equals("hold")) {
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < Integer.parseInt(args[1]); i++) {
        held.add(pool.borrow());
      }
      System.out.println("holding " + held.size());
      System.out.flush();
      Thread.sleep(120_000);
      return;
    }
    int threads = Integer.parseInt(args[1]);
    long until = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    AtomicLong borrows = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try {
                  while (System.nanoTime() < until) {
                    try (Connection connection = pool.borrow();
                        Statement statement = connection.createStatement()) {
                      statement.execute("select pg_sleep(0.01)");
                      borrows.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    pool.close();
    if (!failures.isEmpty()) {
      System.out.println("failed: " + failures.get(0).getMessage());
      System.exit(1);
    }
    System.out.println("borrows " + borrows.get());
  }

  private static String poolName() {
    return "poolguard-" + ProcessHandle.current().pid() + "-1";
  }
}
