package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.poolguard.checks.common.KnownTypes;
import dev.poolguard.checks.common.TestFrameworks;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether test data built by a call is written, or only compared or queried: an expected
 * value handed to an assertion or a mock ({@code assertEquals(new Product("x"), p)}, {@code
 * thenReturn(..)}), or parameters of a query ({@code createQuery("select ..").bind("slug", ..)},
 * {@code queryForObject(sql, Map.of("slug", ..), ..)}). Follows the data through call chains and
 * through local variables of the same method.
 */
final class WriteContext {
  private static final ImmutableSet<String> READ_PREFIXES =
      ImmutableSet.of(
          "query",
          "select",
          "find",
          "fetch",
          "count",
          "exists",
          "search",
          "lookup",
          "load",
          "get",
          "read",
          "contains",
          "mapTo",
          "one",
          "list",
          "first",
          "stream",
          "single");

  private static final ImmutableSet<String> WRITE_PREFIXES =
      ImmutableSet.of(
          "update",
          "insert",
          "save",
          "persist",
          "merge",
          "execute",
          "batch",
          "store",
          "upsert",
          "create",
          "add",
          "put",
          "register",
          "seed",
          "given");

  private static final Supplier<Optional<Type>> JDBI_QUERY =
      KnownTypes.named("org.jdbi.v3.core.statement.Query");
  private static final int MAX_DEPTH = 3;

  enum Use {
    READ,
    WRITE,
    UNKNOWN
  }

  private final ConstantStrings constants;
  private final VisitorState state;
  // The key whose write is judged: an UPDATE writes it only when its SET part names it.
  private final String key;

  WriteContext(ConstantStrings constants, VisitorState state, String key) {
    this.constants = constants;
    this.state = state;
    this.key = key;
  }

  /** Whether the data {@code callPath}'s call builds is only compared with or queried by. */
  boolean isOnlyReadOrExpected(TreePath callPath) {
    Tree call = callPath.getLeaf();
    if (call instanceof MethodInvocationTree methodInvocationTree) {
      Use down = receiverChain(methodInvocationTree);
      if (down != Use.UNKNOWN) {
        return down == Use.READ;
      }
    }
    Use up = climb(callPath, 0);
    if (up == Use.UNKNOWN && call instanceof MethodInvocationTree methodInvocationTree) {
      Symbol root = chainRootVariable(methodInvocationTree);
      if (root != null) {
        up = local(root, callPath, 0);
      }
    }
    return up == Use.READ;
  }

  /** What the consumer of the value at {@code path} does with it. */
  private Use climb(TreePath path, int depth) {
    TreePath current = path;
    while (true) {
      TreePath parentPath = current.getParentPath();
      if (parentPath == null) {
        return Use.UNKNOWN;
      }
      Tree child = current.getLeaf();
      Tree parent = parentPath.getLeaf();
      switch (parent.getKind()) {
        case PARENTHESIZED, TYPE_CAST, CONDITIONAL_EXPRESSION, NEW_ARRAY, NEW_CLASS -> {
          current = parentPath;
          continue;
        }
        case MEMBER_SELECT -> {
          TreePath grand = parentPath.getParentPath();
          if (grand == null || !(grand.getLeaf() instanceof MethodInvocationTree)) {
            return Use.UNKNOWN;
          }
          MethodInvocationTree chained = (MethodInvocationTree) grand.getLeaf();
          Use byName = chainedCall(chained);
          if (byName != Use.UNKNOWN) {
            return byName;
          }
          current = grand;
          continue;
        }
        case METHOD_INVOCATION -> {
          MethodInvocationTree consumer = (MethodInvocationTree) parent;
          if (consumer.getMethodSelect() == child) {
            current = parentPath;
            continue;
          }
          Use use = consumer(consumer);
          if (use != Use.UNKNOWN) {
            return use;
          }
          // A pass-through such as bindMap(..) or List.of(..): see what happens to its result.
          current = parentPath;
          continue;
        }
        case ASSERT -> {
          return Use.READ;
        }
        case VARIABLE -> {
          Symbol variable = ASTHelpers.getSymbol(parent);
          return variable != null && variable.getKind() == ElementKind.LOCAL_VARIABLE
              ? local(variable, parentPath, depth)
              : Use.WRITE;
        }
        case ASSIGNMENT -> {
          Symbol variable = ASTHelpers.getSymbol((Tree) ((AssignmentTree) parent).getVariable());
          return variable != null && variable.getKind() == ElementKind.LOCAL_VARIABLE
              ? local(variable, parentPath, depth)
              : Use.WRITE;
        }
        case EXPRESSION_STATEMENT -> {
          return Use.UNKNOWN;
        }
        default -> {
          return Use.WRITE;
        }
      }
    }
  }

  /** A call made on the data ({@code data.one()}, {@code .execute()}), when its name says which. */
  private Use chainedCall(MethodInvocationTree call) {
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    if (method == null) {
      return Use.UNKNOWN;
    }
    if (isAssertion(call, method)) {
      return Use.READ;
    }
    return Use.UNKNOWN;
  }

  /** A call the data is handed to as an argument. */
  private Use consumer(MethodInvocationTree call) {
    Symbol method = ASTHelpers.getSymbol((Tree) call);
    if (method == null) {
      return Use.UNKNOWN;
    }
    if (isAssertion(call, method)) {
      return Use.READ;
    }
    Use sql = sqlArguments(call);
    if (sql != Use.UNKNOWN) {
      return sql;
    }
    Use down = receiverChain(call);
    if (down != Use.UNKNOWN) {
      return down;
    }
    String name = method.getSimpleName().toString();
    if (startsWithWord(name, READ_PREFIXES)) {
      return Use.READ;
    }
    if (startsWithWord(name, WRITE_PREFIXES)) {
      return Use.WRITE;
    }
    return Use.UNKNOWN;
  }

  /**
   * The statement a bind call's receiver chain prepares: {@code createQuery("select ..")}, a Jdbi
   * Query.
   */
  private Use receiverChain(MethodInvocationTree call) {
    for (ExpressionTree receiver : Trees.receiverChain(call)) {
      if (KnownTypes.isSubtypeOf(ASTHelpers.getType(receiver), JDBI_QUERY, state)) {
        return Use.READ;
      }
      if (receiver instanceof MethodInvocationTree chained) {
        Use sql = sqlArguments(chained);
        if (sql != Use.UNKNOWN) {
          return sql;
        }
      }
    }
    return Use.UNKNOWN;
  }

  /** What the SQL (or JPQL) text among a call's arguments does with the key. */
  private Use sqlArguments(MethodInvocationTree call) {
    for (ExpressionTree argument : call.getArguments()) {
      String text = constants.stringValue(argument);
      if (text == null) {
        continue;
      }
      Use use = sql(text);
      if (use != Use.UNKNOWN) {
        return use;
      }
    }
    return Use.UNKNOWN;
  }

  private Use sql(String text) {
    String sql = text.strip().toLowerCase(Locale.ROOT);
    String first = sql.split("[\\s(]", 2)[0];
    return switch (first) {
      case "select", "with", "delete", "from" -> Use.READ;
      case "insert", "merge", "upsert", "replace" -> Use.WRITE;
      case "update" -> updateSetsTheKey(sql) ? Use.WRITE : Use.READ;
      default -> Use.UNKNOWN;
    };
  }

  /** Whether the SET part of {@code update} (lower case) names the key. */
  private boolean updateSetsTheKey(String update) {
    int where = update.indexOf(" where ");
    String set = where < 0 ? update : update.substring(0, where);
    return set.contains(key.toLowerCase(Locale.ROOT));
  }

  /** Uses of a local the data was stored in: read only when every deciding use reads. */
  private Use local(Symbol variable, TreePath declarationPath, int depth) {
    if (depth >= MAX_DEPTH) {
      return Use.UNKNOWN;
    }
    TreePath scope =
        state.withPath(declarationPath).findPathToEnclosing(MethodTree.class, ClassTree.class);
    if (scope == null) {
      return Use.UNKNOWN;
    }
    List<TreePath> uses = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(tree))) {
          uses.add(getCurrentPath());
        }
        return null;
      }
    }.scan(scope, null);
    boolean read = false;
    for (TreePath use : uses) {
      TreePath parent = use.getParentPath();
      if (parent != null && parent.getLeaf() instanceof MemberSelectTree) {
        continue; // a method called on the data: p.setName(..), p.getSlug(), params.addValue(..)
      }
      if (parent != null
          && parent.getLeaf() instanceof AssignmentTree
          && ((AssignmentTree) parent.getLeaf()).getVariable() == use.getLeaf()) {
        continue;
      }
      Use decided = climb(use, depth + 1);
      if (decided == Use.WRITE) {
        return Use.WRITE;
      }
      read |= decided == Use.READ;
    }
    return read ? Use.READ : Use.UNKNOWN;
  }

  /**
   * The local variable a call chain starts from: {@code params} in {@code params.put(..).put(..)}.
   */
  private static @Nullable Symbol chainRootVariable(MethodInvocationTree call) {
    ImmutableList<ExpressionTree> chain = Trees.receiverChain(call);
    if (!chain.isEmpty() && chain.get(chain.size() - 1) instanceof IdentifierTree root) {
      Symbol symbol = ASTHelpers.getSymbol(root);
      if (symbol != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE) {
        return symbol;
      }
    }
    return null;
  }

  /** Assertion and mocking libraries, and helpers named like assertions. */
  static boolean isAssertion(MethodInvocationTree call, Symbol method) {
    if (isAssertionMethod(method)) {
      return true;
    }
    // verify(repository).save(..): the receiver chain starts at a verification.
    for (ExpressionTree receiver : Trees.receiverChain(call)) {
      if (receiver instanceof MethodInvocationTree chained
          && isAssertionMethod(ASTHelpers.getSymbol(chained))) {
        return true;
      }
    }
    return false;
  }

  static boolean isAssertionMethod(Symbol method) {
    String name = method.getSimpleName().toString();
    if (name.startsWith("assert") || name.startsWith("verify") || name.startsWith("expect")) {
      return true;
    }
    Symbol owner = method.owner;
    return owner != null && TestFrameworks.isAssertionLibrary(owner.getQualifiedName().toString());
  }

  private static boolean startsWithWord(String name, ImmutableSet<String> prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)
          && (name.length() == prefix.length()
              || !Character.isLowerCase(name.charAt(prefix.length())))) {
        return true;
      }
    }
    return false;
  }
}
