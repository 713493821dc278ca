import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Counts one role's sessions in pg_stat_activity every 20 ms (its own connection is the admin's, not
 * counted) until the stop file appears; prints {@code peak=<n> samples=<n>}.
 * Arguments: admin JDBC URL, role, stop file.
 */
public final class Sampler {
  public static void main(String[] args) throws Exception {
    Path stop = Path.of(args[2]);
    int peak = 0;
    int samples = 0;
    try (Connection admin = DriverManager.getConnection(args[0]);
        PreparedStatement count =
            admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ?")) {
      count.setString(1, args[1]);
      while (!Files.exists(stop)) {
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          peak = Math.max(peak, rows.getInt(1));
          samples++;
        }
        Thread.sleep(20);
      }
    }
    System.out.println("peak=" + peak + " samples=" + samples);
  }
}
