package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PgBouncer of the test's own in front of the test PostgreSQL: generated ini and userlist in a
 * temporary directory, a free port on 127.0.0.1, trust authentication, started before the class's
 * tests and stopped after them. Register with {@code @RegisterExtension static final PgBouncer
 * bouncer = PgBouncer.transactionMode()...}. Never assumes one is running; fails (does not skip)
 * when PgBouncer is not installed.
 */
final class PgBouncer implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> CANDIDATES =
      List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer");

  /** The address PgBouncer listens on (listen_addr below): IPv4's loopback, never {@code ::1}. */
  private static final InetAddress LOOPBACK = ipv4Loopback();

  private final String poolMode;
  private int defaultPoolSize = 3;
  private int maxClientConn = 20;
  private boolean ignoreExtraFloatDigits = true;
  private @Nullable Process process;
  private @Nullable Path directory;
  private int port;

  private PgBouncer(String poolMode) {
    this.poolMode = poolMode;
  }

  static PgBouncer transactionMode() {
    return new PgBouncer("transaction");
  }

  static PgBouncer sessionMode() {
    return new PgBouncer("session");
  }

  PgBouncer defaultPoolSize(int size) {
    this.defaultPoolSize = size;
    return this;
  }

  PgBouncer maxClientConn(int limit) {
    this.maxClientConn = limit;
    return this;
  }

  /** PgBouncer's default: refuse pgjdbc's extra_float_digits start-up parameter. */
  PgBouncer withDefaultStartupParameters() {
    this.ignoreExtraFloatDigits = false;
    return this;
  }

  int port() {
    return port;
  }

  /** {@code jdbc:postgresql://127.0.0.1:<port>/<database>} (the test database by default). */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/test";
  }

  /**
   * Sends a PostgreSQL v3 start-up packet with one extra parameter and returns the ErrorResponse
   * PgBouncer answers with, as the driver would report it (message and SQLState).
   */
  SQLException startupRefusal(String parameter, String value) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeInt(196608); // protocol 3.0
    for (String s : List.of("user", "postgres", "database", "test", parameter, value)) {
      out.write(s.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    out.write(0);
    try (Socket socket = new Socket(LOOPBACK, port)) {
      socket.setSoTimeout(5000);
      DataOutputStream send = new DataOutputStream(socket.getOutputStream());
      send.writeInt(body.size() + 4);
      body.writeTo(send);
      send.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte type = in.readByte();
      byte[] fields = new byte[in.readInt() - 4];
      in.readFully(fields);
      if (type != 'E') {
        return fail("PgBouncer accepted the start-up parameter " + parameter);
      }
      String message = "";
      String state = null;
      for (String field : new String(fields, StandardCharsets.UTF_8).split("\0", -1)) {
        if (field.startsWith("M")) {
          message = field.substring(1);
        } else if (field.startsWith("C")) {
          state = field.substring(1);
        }
      }
      return new SQLException("FATAL: " + message, state);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  void start() throws IOException, InterruptedException {
    String binary = findBinary();
    Path directory = Files.createTempDirectory("poolguard-pgbouncer");
    this.directory = directory;
    port = freePort();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path ini = directory.resolve("pgbouncer.ini");
    Path users = directory.resolve("userlist.txt");
    Files.writeString(users, "\"postgres\" \"\"\n", StandardCharsets.UTF_8);
    Files.writeString(
        ini,
        String.format(
            Locale.ROOT,
            """
            [databases]
            * = host=127.0.0.1 port=5432
            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = %d
            unix_socket_dir =
            auth_type = trust
            auth_file = %s
            pool_mode = %s
            default_pool_size = %d
            max_client_conn = %d
            %s
            %s
            """,
            port,
            users,
            poolMode,
            defaultPoolSize,
            maxClientConn,
            ignoreExtraFloatDigits ? "ignore_startup_parameters = extra_float_digits" : "",
            // PgBouncer refuses to run as root; CI containers often are.
            root ? "user = postgres" : ""),
        StandardCharsets.UTF_8);
    if (root) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path log = directory.resolve("pgbouncer.log");
    Process process =
        new ProcessBuilder(binary, ini.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    this.process = process;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!accepts(port)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = Files.readString(log, StandardCharsets.UTF_8);
        stop();
        fail("PgBouncer (" + binary + ") did not start listening on port " + port + ":\n" + output);
      }
      Thread.sleep(50);
    }
  }

  void stop() throws IOException, InterruptedException {
    Process process = this.process;
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      this.process = null;
    }
    Path directory = this.directory;
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      this.directory = null;
    }
  }

  private static String findBinary() {
    for (String candidate : CANDIDATES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pgbouncer");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return fail(
        "PgBouncer is not installed, and these tests run against a real one. Install it: "
            + "scripts/install-pgbouncer (Debian/Ubuntu: apt-get install -y pgbouncer; README's test command runs it), brew install pgbouncer (macOS).");
  }

  private static InetAddress ipv4Loopback() {
    try {
      return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are an IPv4 address", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(LOOPBACK, 0));
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
