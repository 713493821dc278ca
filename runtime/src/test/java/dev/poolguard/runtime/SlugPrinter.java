package dev.poolguard.runtime;

/** Run in a separate JVM by {@link UniqueSlugsTest}: prints {@code args[0]} slugs, one a line. */
public final class SlugPrinter {
  private SlugPrinter() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[0]);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(UniqueSlugs.of("test-package")).append('\n');
    }
    System.out.print(out);
  }
}
