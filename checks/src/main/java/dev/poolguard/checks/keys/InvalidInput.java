package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Test data that is deliberately invalid, which the application rejects and no table stores: a
 * value that breaks its own property's declared limits ({@code "funky-log(n"} for a login with a
 * {@code @Pattern}, {@code "invalid email"} for an {@code @Email}, a value longer than its
 * {@code @Size(max)}), or data written in a method named for invalid data ({@code
 * createInvalidUser}, {@code registerRejectsMalformedLogin}). Judged for keys learnt from the
 * mapping only, where the limits are known.
 */
final class InvalidInput {
  private static final ImmutableSet<String> INVALID_WORDS =
      ImmutableSet.of("invalid", "malformed", "illegal");

  // The shape UniqueSlugFix's e-mail replacement keeps; Bean Validation's @Email is looser, but a
  // text without an '@' between two parts breaks both.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private InvalidInput() {}

  /** Whether {@code text} breaks the limits its property declares. */
  static boolean breaksLimits(String text, KeyLimits limits) {
    if (text.length() > limits.maxLength()) {
      return true;
    }
    if (limits.email() && !EMAIL.matcher(text).matches()) {
      return true;
    }
    String pattern = limits.pattern();
    if (pattern != null) {
      try {
        return !Pattern.compile(pattern).matcher(text).matches();
      } catch (PatternSyntaxException notJava) {
        return false; // a pattern Java cannot read says nothing about the value
      }
    }
    return false;
  }

  /** Whether the method that writes at {@code path} is named for invalid data. */
  static boolean inInvalidDataMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        for (String word : KeyNames.words(method.getName().toString())) {
          if (INVALID_WORDS.contains(word)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }
}
