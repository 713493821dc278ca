package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SQL cannot change the session it runs in (plain unit tests of a pure helper). */
class InertSqlTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "SET search_path = tenant_a, public",
        "SELECT set_config('app.tenant', 'a', false)",
        "SELECT pg_advisory_lock(4242)",
        "SELECT nextval('s')",
        "CREATE TEMPORARY TABLE scratch (id int)",
        "BEGIN",
        "INSERT INTO t VALUES (1); SET ROLE r",
        "SELECT 1 INTO TEMP scratch",
        "SELECT @tenant := 1",
        "UPDATE t SET id = DEFAULT",
        "SELECT my_function()",
        "SELECT 1 -- a comment",
        "DO $$BEGIN END$$",
        "LISTEN channel",
        "WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x"
      })
  void sqlThatMayChangeTheSessionIsNotInert(String sql) {
    assertFalse(InertSql.is(sql), sql);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 1",
        "select count(*), coalesce(sum(qty), 0) from bench_item where suite = ? and test = ?",
        "INSERT INTO bench_item (item_key, suite, test, qty) VALUES (?, ?, ?, 1)",
        "UPDATE bench_item SET qty = qty + 1 WHERE item_key = ?",
        "DELETE FROM note WHERE text = 'set_config(x)';",
        "SELECT \"pg_advisory_lock\" FROM t WHERE id IN (1, 2) AND EXISTS (SELECT 1)"
      })
  void plainStatementsCallingOnlyPureBuiltInsAreInert(String sql) {
    assertTrue(InertSql.is(sql), sql);
  }
}
