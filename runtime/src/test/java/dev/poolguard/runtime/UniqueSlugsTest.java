package dev.poolguard.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolguard.runtime.internal.ChildJvm;
import dev.poolguard.runtime.internal.RunId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class UniqueSlugsTest {
  private static final Pattern URL_SAFE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  @Test
  void slugIsBaseRunAndCounter() {
    String slug = UniqueSlugs.of("test-package");
    assertTrue(slug.matches("test-package-" + Pattern.quote(UniqueSlugs.runId()) + "-\\d+"), slug);
    assertTrue(URL_SAFE.matcher(slug).matches(), slug);
    assertNotEquals(slug, UniqueSlugs.of("test-package"));
  }

  @Test
  void baseIsLowerCasedAndMadeUrlSafe() {
    String slug = UniqueSlugs.of("  Test Package/Ünïcode!  ");
    assertTrue(slug.startsWith("test-package-n-code-"), slug);
    assertTrue(URL_SAFE.matcher(slug).matches(), slug);
    assertThrows(IllegalArgumentException.class, () -> UniqueSlugs.of("--- !"));
  }

  @Test
  void lengthBoundedVariantShortensTheBaseNeverTheSuffix() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      String slug = UniqueSlugs.of("a-rather-long-package-name-for-a-column", 32);
      assertTrue(slug.length() <= 32, slug);
      assertTrue(URL_SAFE.matcher(slug).matches(), slug);
      assertTrue(seen.add(slug), slug);
    }
    IllegalArgumentException tooShort =
        assertThrows(IllegalArgumentException.class, () -> UniqueSlugs.of("package", 5));
    assertTrue(
        String.valueOf(tooShort.getMessage()).contains("maxLength is 5"), tooShort.getMessage());
  }

  @Test
  void helpersForOtherKeys() {
    String email = UniqueSlugs.email("Alice");
    assertTrue(email.matches("alice-[a-z0-9-]+@example\\.com"), email);
    assertTrue(UniqueSlugs.email("bob", "test.invalid").endsWith("@test.invalid"));
    String name = UniqueSlugs.name("Acme Corp");
    assertTrue(name.matches("Acme Corp " + Pattern.quote(UniqueSlugs.runId()) + "-\\d+"), name);
  }

  @Test
  void uniqueAcrossSixteenThreads() throws Exception {
    int threads = 16;
    int perThread = 2_000;
    Set<String> all = ConcurrentHashMap.newKeySet();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    all.add(UniqueSlugs.of("test-package"));
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    assertEquals(threads * perThread, all.size());
  }

  @Test
  void uniqueAcrossTwoJvmsSharingARunId() throws Exception {
    Map<String, String> sharedRun = Map.of(RunId.VARIABLE, "CI run #4711");
    List<String> first = lines(ChildJvm.run(SlugPrinter.class, sharedRun, List.of(), "1000"));
    List<String> second = lines(ChildJvm.run(SlugPrinter.class, sharedRun, List.of(), "1000"));
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    all.add(UniqueSlugs.of("test-package"));
    assertEquals(2001, all.size(), "no slug repeats across the two JVMs and this one");
    assertTrue(first.get(0).startsWith("test-package-ci-run-4711-"), first.get(0));
    assertTrue(second.get(0).startsWith("test-package-ci-run-4711-"), second.get(0));
  }

  private static List<String> lines(String output) {
    List<String> lines = new ArrayList<>();
    for (String line : output.lines().toList()) {
      if (line.startsWith("test-package-")) {
        lines.add(line.strip());
      }
    }
    assertEquals(1000, lines.size(), output);
    return lines;
  }
}
