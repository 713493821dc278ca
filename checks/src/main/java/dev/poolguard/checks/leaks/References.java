package dev.poolguard.checks.leaks;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** How often a tree names a variable. */
final class References {
  private References() {}

  /** How often {@code tree} names {@code symbol}. */
  static int count(Tree tree, Symbol symbol) {
    int[] count = new int[1];
    new TreeScanner<@Nullable Void, @Nullable Void>() {
      @Override
      public @Nullable Void visitIdentifier(IdentifierTree identifier, @Nullable Void unused) {
        if (Objects.equals(ASTHelpers.getSymbol(identifier), symbol)) {
          count[0]++;
        }
        return null;
      }
    }.scan(tree, null);
    return count[0];
  }
}
