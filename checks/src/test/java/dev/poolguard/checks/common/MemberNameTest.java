package dev.poolguard.checks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MemberNameTest {
  private static final String FLAG = "PoolGuard:SharedPoolFactories";

  @Test
  void parsesClassAndMethod() {
    MemberName member = MemberName.parse(FLAG, "com.acme.TestDb#pool");
    assertEquals("com.acme.TestDb", member.className());
    assertEquals("pool", member.memberName());
    assertEquals("com.acme.TestDb#pool", member.toString());
  }

  @Test
  void parsesAConstructor() {
    assertEquals("<init>", MemberName.parse(FLAG, "com.acme.Db#<init>").memberName());
  }

  @Test
  void equalNamesAreEqualMembers() {
    assertEquals(MemberName.parse(FLAG, "a.B#c"), MemberName.parse(FLAG, "a.B#c"));
    assertEquals(
        MemberName.parse(FLAG, "a.B#c").hashCode(), MemberName.parse(FLAG, "a.B#c").hashCode());
    assertNotEquals(MemberName.parse(FLAG, "a.B#c"), MemberName.parse(FLAG, "a.B#d"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"nohash", "#pool", "com.acme.Db#", "a.B#c#d"})
  void rejectsTextWithoutExactlyOneClassAndMember(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> MemberName.parse(FLAG, text));
    assertEquals(
        "Invalid -XepOpt:"
            + FLAG
            + "="
            + text
            + ": expected fully.qualified.Class#method, or fully.qualified.Class#<init> for a"
            + " constructor.",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.class#pool", "com..Db#pool", "com.1acme.Db#pool"})
  void rejectsAClassNameThatIsNoJavaName(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> MemberName.parse(FLAG, text));
    assertTrue(
        String.valueOf(error.getMessage()).contains("expected a fully qualified class name"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"com.acme.Db#new", "com.acme.Db#po-ol", "com.acme.Db#<clinit>"})
  void rejectsAMemberThatIsNoMethodName(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> MemberName.parse(FLAG, text));
    assertTrue(String.valueOf(error.getMessage()).contains("is not a method name"));
  }
}
