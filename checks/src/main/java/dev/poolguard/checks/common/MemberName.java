package dev.poolguard.checks.common;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A method or constructor named as {@code fully.qualified.Class#method} (or {@code #<init>} for
 * constructors), the form every member-list flag uses.
 *
 * <p>Internal: public only so that the checks' feature packages can use it. Not an API.
 */
public final class MemberName {
  static final String CONSTRUCTOR = "<init>";

  private final String className;
  private final String memberName;
  // Memoized per compilation by Error Prone: the class is resolved once, not once per call site.
  private final Supplier<Optional<Type>> classType;

  MemberName(String className, String memberName) {
    this.className = requireNonNull(className);
    this.memberName = requireNonNull(memberName);
    this.classType = KnownTypes.named(className);
  }

  public String className() {
    return className;
  }

  public String memberName() {
    return memberName;
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
    if (!member.equals(CONSTRUCTOR) && !FlagValues.isSimpleName(member)) {
      throw FlagValues.invalid(
          flag, text, "'" + member + "' is not a method name; use #<init> for a constructor");
    }
    return new MemberName(className, member);
  }

  /**
   * The one rule every member-list flag follows: {@code method} is this member when it has this
   * name and is declared in this class or a subclass of it (an override, or a subclass's
   * constructor). The class is looked up once per compilation.
   */
  public boolean matches(MethodSymbol method, VisitorState state) {
    if (!method.getSimpleName().contentEquals(memberName)) {
      return false;
    }
    return method.owner != null && KnownTypes.isSubtypeOf(method.owner.type, classType, state);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof MemberName that
        && className.equals(that.className)
        && memberName.equals(that.memberName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(className, memberName);
  }

  @Override
  public String toString() {
    return className + "#" + memberName;
  }
}
