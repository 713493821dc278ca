package dev.poolguard.spring.app.hygiene;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the two contexts' tests saw of their server sessions, for {@code SessionHygieneTest}. */
public final class SessionObservations {
  private static final List<Integer> BACKENDS = new CopyOnWriteArrayList<>();

  private SessionObservations() {}

  static void sawBackend(JdbcTemplate jdbc) {
    BACKENDS.add(jdbc.queryForObject("select pg_backend_pid()", Integer.class));
  }

  /** The server sessions the tests ran on, in order. */
  public static List<Integer> backends() {
    return List.copyOf(BACKENDS);
  }
}
