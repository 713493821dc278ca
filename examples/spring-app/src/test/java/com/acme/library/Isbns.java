package com.acme.library;

import dev.poolguard.runtime.UniqueSlugs;

/** A fresh ISBN-like key per call: tests never collide on the unique column. */
final class Isbns {
  private Isbns() {}

  static String next() {
    return UniqueSlugs.of("isbn");
  }
}
