package dev.poolguard.checks.common;

/**
 * Where each check's documentation page lives; every {@code @BugPattern} link is built from here.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class Links {
  /** Base URL of the per-check pages in {@code docs/checks/}. */
  public static final String DOCS = "https://github.com/poolguard/poolguard/blob/main/docs/checks/";

  private Links() {}
}
