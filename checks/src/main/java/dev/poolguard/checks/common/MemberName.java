package dev.poolguard.checks.common;

import static java.util.Objects.requireNonNull;

import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * A method or constructor named as {@code fully.qualified.Class#method} (or {@code #<init>} for
 * constructors), the form every member-list flag uses.
 */
public record MemberName(String className, String memberName) {
  static final String CONSTRUCTOR = "<init>";

  public MemberName {
    requireNonNull(className);
    requireNonNull(memberName);
  }

  /**
   * Parses {@code a.b.C#m}; {@code flag} is the full flag name, used in the error message.
   *
   * @throws IllegalArgumentException naming the flag and the expected form
   */
  static MemberName parse(String flag, String text) {
    int hash = text.indexOf('#');
    if (hash <= 0 || hash != text.lastIndexOf('#') || hash == text.length() - 1) {
      throw FlagValues.invalid(
          flag,
          text,
          "expected fully.qualified.Class#method, or fully.qualified.Class#<init> for a constructor");
    }
    String className = text.substring(0, hash);
    String member = text.substring(hash + 1);
    FlagValues.requireClassName(flag, className);
    if (!member.equals(CONSTRUCTOR) && !isJavaIdentifier(member)) {
      throw FlagValues.invalid(
          flag, text, "'" + member + "' is not a method name; use #<init> for a constructor");
    }
    return new MemberName(className, member);
  }

  /** Whether {@code method} is this member, declared in this class (not a subclass). */
  public boolean matches(MethodSymbol method) {
    Symbol owner = method.owner;
    return method.getSimpleName().contentEquals(memberName)
        && owner != null
        && owner.getQualifiedName().contentEquals(className);
  }

  public static boolean isJavaIdentifier(String text) {
    if (text.isEmpty() || !Character.isJavaIdentifierStart(text.charAt(0))) {
      return false;
    }
    return text.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart);
  }

  @Override
  public String toString() {
    return className + "#" + memberName;
  }
}
