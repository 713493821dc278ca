package dev.poolguard.checks.e2e;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Maven entry point of the compile-overhead benchmark; off unless {@code -Dpoolguard.bench=true}
 * (see {@code scripts/bench-checks}). It prints ratios measured in one run and asserts no time.
 */
class CompileOverheadBenchmarkTest {
  @Test
  @EnabledIfSystemProperty(named = "poolguard.bench", matches = "true")
  void benchmark() throws Exception {
    List<String> args = new ArrayList<>();
    for (String key :
        List.of(
            "classes",
            "seed",
            "pairs",
            "warmup",
            "toolchains",
            "clean",
            "out",
            "sources",
            "classpath")) {
      String value = System.getProperty("poolguard.bench." + key);
      if (value != null && !value.isBlank()) {
        args.add("--" + key + "=" + value);
      }
    }
    CompileOverheadBenchmark.main(args.toArray(String[]::new));
  }
}
