/**
 * PoolGuard's Error Prone checks: they keep database-backed test code on the one shared, process-wide
 * test pool. Each check lives in its own class; the package-private helpers here (test-code detection,
 * flag parsing, client and holder recognition) are shared by all of them.
 */
package dev.poolguard.checks;
