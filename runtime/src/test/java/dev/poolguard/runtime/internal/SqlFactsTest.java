package dev.poolguard.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one SQL text can do to a session (plain unit tests of a pure helper). */
class SqlFactsTest {
  @Test
  void plainInsertIsInertButSetsASequence() {
    SqlFacts facts = SqlFacts.of("INSERT INTO item (name) VALUES (?)");

    assertTrue(facts.inert());
    assertTrue(facts.setsSequence());
    assertFalse(facts.maySetSettings());
    assertFalse(facts.readsSequence());
  }

  @Test
  void setStatementAfterACommentMaySetSettings() {
    assertTrue(SqlFacts.of("/* tenant */ SET search_path = tenant_a").maySetSettings());
  }

  @Test
  void customSettingsAreNamedFromSetConfigAndSet() {
    assertEquals(
        Set.of("app.tenant", "app.user"),
        SqlFacts.of("SELECT set_config('app.tenant', 'a', false); SET SESSION app.user = 'b'")
            .customSettings());
  }

  @Test
  void currvalIsAReadOfSequenceState() {
    assertTrue(SqlFacts.of("SELECT currval('item_id_seq')").readsSequence());
  }

  @Test
  void temporaryTablesAreNamedAsWritten() {
    assertEquals(
        Set.of("`scratch`"),
        SqlFacts.of("CREATE TEMPORARY TABLE IF NOT EXISTS `scratch` (id INT)").temporaryTables());
  }

  @Test
  void namedLocksKeepTheirLiteralNameAndParametersAreUnnamed() {
    SqlFacts literal = SqlFacts.of("SELECT GET_LOCK('it''s', 10)");
    SqlFacts parameter = SqlFacts.of("SELECT GET_LOCK(?, 10)");

    assertEquals(Set.of("it's"), literal.namedLocks());
    assertFalse(literal.unnamedLocks());
    assertTrue(parameter.unnamedLocks());
  }

  @Test
  void theSameTextIsReadOnce() {
    String sql = "SELECT name FROM item WHERE id = ?";

    assertSame(SqlFacts.of(sql), SqlFacts.of(new String(sql.toCharArray())));
  }
}
