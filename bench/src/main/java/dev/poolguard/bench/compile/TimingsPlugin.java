package dev.poolguard.bench.compile;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A javac plugin, loaded from the same processor path as Error Prone, that writes Error Prone's own
 * per-check timings ({@code com.google.errorprone.ErrorProneTimings}, which Error Prone collects
 * for every check in every compilation but never prints) to a file when the compilation ends:
 * {@code -Xplugin:"PoolGuardTimings /path/to/file"}. One line per check, {@code <check
 * name>\t<nanoseconds>}, plus {@code #initialization\t<nanoseconds>}.
 *
 * <p>Error Prone is reached reflectively through this plugin's class loader (the processor path's),
 * as it is not on the benchmark's class path. Benchmark support only: the benchmark assembles a
 * directory holding this class and its {@code META-INF/services} entry and appends it to the
 * processor path; it is never on a user's path.
 */
public final class TimingsPlugin implements Plugin {
  static final String NAME = "PoolGuardTimings";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void init(JavacTask task, String... args) {
    Path out = Path.of(args[0]);
    Context context = ((BasicJavacTask) task).getContext();
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void finished(TaskEvent e) {
            if (e.getKind() == TaskEvent.Kind.COMPILATION) {
              write(context, out);
            }
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static void write(Context context, Path out) {
    try {
      Class<?> type =
          Class.forName(
              "com.google.errorprone.ErrorProneTimings",
              true,
              TimingsPlugin.class.getClassLoader());
      Object timings = type.getMethod("instance", Context.class).invoke(null, context);
      Method perCheck = type.getMethod("timings");
      Method initialization = type.getMethod("initializationTime");
      Map<String, Duration> sorted =
          new TreeMap<>((Map<String, Duration>) perCheck.invoke(timings));
      StringBuilder text = new StringBuilder();
      text.append("#initialization\t")
          .append(((Duration) initialization.invoke(timings)).toNanos())
          .append('\n');
      sorted.forEach(
          (check, d) -> text.append(check).append('\t').append(d.toNanos()).append('\n'));
      Files.writeString(out, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Error Prone's timings are not reachable", e);
    }
  }
}
