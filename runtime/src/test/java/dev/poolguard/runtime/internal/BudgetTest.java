package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.PoolGuardException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code poolguard.budget} across real JVMs on one PostgreSQL database (and on MariaDB within one
 * JVM: two pools are two members there as well), watched from the server's side.
 */
class BudgetTest {
  private static final String ROLE = "jvms_budget";
  private static final String PASSWORD = "budget-secret-7d41";

  @BeforeAll
  static void createRole() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(admin, "drop role if exists " + ROLE);
      TestDatabases.execute(
          admin, "create role " + ROLE + " login password '" + PASSWORD + "' connection limit 12");
    }
  }

  @AfterAll
  static void dropRole() throws SQLException {
    try (Connection admin = TestDatabases.postgresAdmin()) {
      TestDatabases.execute(
          admin,
          "select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + ROLE + "'");
      TestDatabases.execute(admin, "drop role if exists " + ROLE);
    }
  }

  private static List<String> childProperties(int budget, String acquireTimeout) {
    return List.of(
        "-Dpoolguard.url=" + TestDatabases.POSTGRES_URL,
        "-Dpoolguard.user=" + ROLE,
        "-Dpoolguard.password=" + PASSWORD,
        "-Dpoolguard.budget=" + budget,
        "-Dpoolguard.acquireTimeout=" + acquireTimeout,
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
  }

  private static PoolSettings here(int budget, String acquireTimeout) {
    return TestDatabases.settings(
        "url", TestDatabases.POSTGRES_URL,
        "user", ROLE,
        "password", PASSWORD,
        "budget", Integer.toString(budget),
        "acquireTimeout", acquireTimeout);
  }

  /** Sessions of the test role and budget slots held, both read by the superuser. */
  private static int[] serverSide(Connection admin) throws SQLException {
    try (PreparedStatement statement =
        admin.prepareStatement(
            "select (select count(*) from pg_stat_activity where usename = ?),"
                + " (select count(*) from pg_locks where locktype = 'advisory' and granted"
                + " and classid = ?::bigint::oid)")) {
      statement.setString(1, ROLE);
      statement.setLong(2, Integer.toUnsignedLong(PostgresBudgetLocks.SLOT_CLASS));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new int[] {rs.getInt(1), rs.getInt(2)};
      }
    }
  }

  /**
   * Waits until the child says it holds its connections and the server shows that many slots, and
   * fails if the child ended instead.
   */
  private static void awaitSlots(Connection admin, int slots, Process child, Path log)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!read(log).contains("holding " + slots) || serverSide(admin)[1] < slots) {
      assertTrue(child.isAlive(), () -> "child ended early: " + read(log));
      assertTrue(
          System.nanoTime() < deadline, () -> "child never held " + slots + ": " + read(log));
      Thread.sleep(50);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * Starts {@code count} {@link BudgetWorkerMain} JVMs with {@code args}, their logs into {@code
   * logs}.
   */
  private static List<Process> startWorkers(
      int count, List<String> properties, List<Path> logs, String... args) throws Exception {
    List<Process> children = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path log = Files.createTempFile("poolguard-budget", ".log");
      logs.add(log);
      children.add(ChildJvm.start(BudgetWorkerMain.class, Map.of(), properties, log, args));
    }
    return children;
  }

  /** Each child finished, succeeded, reported its borrows and never printed the password. */
  private static void awaitSuccess(List<Process> children, List<Path> logs) throws Exception {
    for (int i = 0; i < children.size(); i++) {
      assertTrue(children.get(i).waitFor(90, TimeUnit.SECONDS), "child did not finish");
      String output = read(logs.get(i));
      assertEquals(0, children.get(i).exitValue(), output);
      assertTrue(output.contains("borrows "), output);
      assertFalse(output.contains(PASSWORD), output);
    }
  }

  private static void stop(List<Process> children, List<Path> logs) throws java.io.IOException {
    children.forEach(Process::destroyForcibly);
    for (Path log : logs) {
      Files.deleteIfExists(log);
    }
  }

  @Test
  void threeJvmsTogetherNeverHoldMoreThanTheBudget() throws Exception {
    int budget = 4;
    List<Process> children = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger samples = new AtomicInteger();
    AtomicBoolean sampling = new AtomicBoolean(true);
    try (Connection admin = TestDatabases.postgresAdmin()) {
      Thread sampler =
          new Thread(
              () -> {
                try {
                  while (sampling.get()) {
                    peak.accumulateAndGet(serverSide(admin)[0], Math::max);
                    samples.incrementAndGet();
                    Thread.sleep(5);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      sampler.start();
      children.addAll(startWorkers(3, childProperties(budget, "20"), logs, "work", "3", "4"));
      awaitSuccess(children, logs);
      sampling.set(false);
      sampler.join();
    } finally {
      stop(children, logs);
    }
    assertTrue(samples.get() > 50, "the sampler took only " + samples.get() + " samples");
    // The +1: a JVM with no connection yet must open one to look for a free slot.
    assertTrue(
        peak.get() <= budget + 1,
        "the server saw " + peak.get() + " sessions of " + ROLE + " with a budget of " + budget);
    assertTrue(peak.get() >= 2, "the JVMs never ran together: peak " + peak.get());
  }

  @Test
  void moreJvmsThanSlotsEachGetTheirTurnWithinTheAcquireTimeout() throws Exception {
    // Budget 3: two slots and the waiting connection. Three JVMs that each borrow without pause
    // for longer than the acquire timeout: the third gets a slot only if the first two give theirs
    // back while it waits.
    int budget = 3;
    List<Path> logs = new ArrayList<>();
    List<Process> children = new ArrayList<>();
    try {
      children.addAll(startWorkers(3, childProperties(budget, "5"), logs, "work", "2", "12"));
      awaitSuccess(children, logs);
    } finally {
      stop(children, logs);
    }
  }

  @Test
  void aKilledJvmsSlotsGoToTheNextJvm() throws Exception {
    Path log = Files.createTempFile("poolguard-budget-killed", ".log");
    Process holder =
        ChildJvm.start(
            BudgetWorkerMain.class, Map.of(), childProperties(3, "10"), log, "hold", "2");
    try (Connection admin = TestDatabases.postgresAdmin()) {
      awaitSlots(admin, 2, holder, log);
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      SharedPool pool = SharedPool.open(here(3, "10"), "poolguard-budget-after-kill");
      try (Connection first = pool.borrow();
          Connection second = pool.borrow()) {
        assertTrue(first.isValid(2) && second.isValid(2));
        assertEquals(2, serverSide(admin)[1]);
      } finally {
        pool.close();
      }
    } finally {
      holder.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  @Test
  void aJvmThatGetsNoSlotFailsNamingTheJvmsThatHoldTheBudget() throws Exception {
    Path log = Files.createTempFile("poolguard-budget-full", ".log");
    Process holder =
        ChildJvm.start(
            BudgetWorkerMain.class, Map.of(), childProperties(2, "10"), log, "hold", "1");
    try (Connection admin = TestDatabases.postgresAdmin()) {
      awaitSlots(admin, 1, holder, log);

      PoolGuardException e =
          assertThrows(
              PoolGuardException.class,
              // Closed at once should it open after all, so it cannot hold a slot in other tests.
              () -> SharedPool.open(here(2, "3"), "poolguard-budget-refused").close());
      assertTrue(holder.isAlive(), () -> "the holder ended during the test: " + read(log));

      String message = String.valueOf(e.getMessage());
      assertTrue(message.contains("the budget of 2 connections"), message);
      assertTrue(message.contains("pid " + holder.pid() + " on "), message);
      assertTrue(message.contains(": 1"), message);
      assertFalse(message.contains(PASSWORD), message);
    } finally {
      holder.destroyForcibly();
      Files.deleteIfExists(log);
    }
  }

  // The connections are held, not used: they fill the budget.
  @SuppressWarnings("try")
  @Test
  void onMariadbTwoPoolsShareTheBudgetThroughGetLock() throws Exception {
    PoolSettings settings =
        TestDatabases.settings(
            "url", TestDatabases.MARIADB_URL,
            "user", TestDatabases.MARIADB_USER,
            "budget", "3",
            "maxPoolSize", "2",
            "acquireTimeout", "3");
    SharedPool first = SharedPool.open(settings, "poolguard-budget-maria-1");
    try (Connection a = first.borrow();
        Connection b = first.borrow()) {
      PoolGuardException e =
          assertThrows(
              PoolGuardException.class,
              () -> SharedPool.open(settings, "poolguard-budget-maria-2"));
      assertTrue(
          String.valueOf(e.getMessage()).contains("the budget of 3 connections"), e.getMessage());
      assertTrue(
          String.valueOf(e.getMessage()).contains("user " + TestDatabases.MARIADB_USER + " from"),
          e.getMessage());
    } finally {
      first.close();
    }
    SharedPool second = SharedPool.open(settings, "poolguard-budget-maria-3");
    try (Connection a = second.borrow()) {
      assertTrue(a.isValid(2));
    } finally {
      second.close();
    }
  }
}
