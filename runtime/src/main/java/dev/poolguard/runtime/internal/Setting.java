package dev.poolguard.runtime.internal;

/**
 * One setting as found: its name as written where it was found, its value, and that place (for
 * messages: {@code system property poolguard.maxPoolSize}, {@code the URL in environment variable
 * DATABASE_URL}).
 */
record Setting(String name, String value, String source) {}
