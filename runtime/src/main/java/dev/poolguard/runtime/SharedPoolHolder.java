package dev.poolguard.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as the one place in a test code base that builds and owns a database client.
 *
 * <p>The PoolGuard check {@code PerTestDatabaseClient} flags test code that constructs its own pool
 * or opens its own connection; a class carrying this annotation is exempt, because it is the
 * sanctioned holder the rest of the suite borrows from. Prefer {@link SharedTestDataSource#get()};
 * use a holder of your own only when the shared pool does not fit (another client library, another
 * database).
 *
 * <p>Class retention so the checks see it when the holder is compiled separately (for example in a
 * test-fixtures jar); it has no effect at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SharedPoolHolder {}
