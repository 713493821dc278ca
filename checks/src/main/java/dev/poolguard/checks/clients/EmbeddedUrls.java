package dev.poolguard.checks.clients;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the database URL a client is built with and tells whether it is a constant in-memory
 * embedded database (H2, HSQLDB, Derby, SQLite), which costs the server nothing and is therefore
 * not flagged.
 *
 * <p>The URL is the first {@code String} argument of the call when it has one; otherwise (a pool
 * built from a config object) it is what URL setters on the pool or its config receive in the same
 * method, or the same class for a field. A URL that is not a compile-time constant, or no URL found
 * at all, counts as a real server.
 */
final class EmbeddedUrls {
  private static final ImmutableList<String> IN_MEMORY_PREFIXES =
      ImmutableList.of(
          "jdbc:h2:mem:",
          "jdbc:hsqldb:mem:",
          "jdbc:derby:memory:",
          "jdbc:sqlite::memory:",
          "jdbc:sqlite:file::memory:",
          "r2dbc:h2:mem:",
          // SQL/JRT's server-side connection inside a Java stored procedure (Derby, Oracle, DB2):
          // the calling session's own connection, never a new one.
          "jdbc:default:connection");

  /** Setter and builder names that take the URL: setJdbcUrl, setUrl, setURL, url, jdbcUrl, … */
  private static final Pattern URL_SETTER =
      Pattern.compile("(set)?(jdbc)?ur[li]", Pattern.CASE_INSENSITIVE);

  private static final Pattern URL_LIKE = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private EmbeddedUrls() {}

  /**
   * Whether the client built by {@code creation} (at {@code state.getPath()}) provably connects
   * only to an in-memory embedded database.
   */
  static boolean isInMemoryOnly(ExpressionTree creation, VisitorState state) {
    List<ExpressionTree> urls = new ArrayList<>();
    List<? extends ExpressionTree> arguments = arguments(creation);
    ExpressionTree firstString = firstStringArgument(arguments);
    if (firstString != null) {
      urls.add(firstString);
    } else {
      urls.addAll(builderChainUrls(creation));
      urls.addAll(setterUrls(arguments, state));
    }
    return !urls.isEmpty() && urls.stream().allMatch(EmbeddedUrls::isInMemoryConstant);
  }

  static boolean isInMemoryUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    return IN_MEMORY_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  private static boolean isInMemoryConstant(ExpressionTree url) {
    String value = ASTHelpers.constValue(url, String.class);
    return value != null && isInMemoryUrl(value);
  }

  private static List<? extends ExpressionTree> arguments(ExpressionTree creation) {
    if (creation instanceof NewClassTree newClassTree) {
      return newClassTree.getArguments();
    }
    if (creation instanceof MethodInvocationTree methodInvocationTree) {
      return methodInvocationTree.getArguments();
    }
    return ImmutableList.of();
  }

  /**
   * The first argument of type String: the URL, except where it names something else (see below).
   */
  private static @Nullable ExpressionTree firstStringArgument(
      List<? extends ExpressionTree> arguments) {
    for (ExpressionTree argument : arguments) {
      if (ClientCatalog.isNamed(ASTHelpers.getType(argument), "java.lang.String")) {
        String constant = ASTHelpers.constValue(argument, String.class);
        // A constant that is no URL (a persistence-unit name, a user name) says nothing about where
        // the client connects.
        if (constant != null && !URL_LIKE.matcher(constant).matches()) {
          continue;
        }
        return argument;
      }
    }
    return null;
  }

  /** {@code DataSourceBuilder.create().url("…").build()}: the URL set further up the chain. */
  private static List<ExpressionTree> builderChainUrls(ExpressionTree creation) {
    List<ExpressionTree> urls = new ArrayList<>();
    if (creation instanceof MethodInvocationTree) {
      for (ExpressionTree receiver : Trees.receiverChain(creation)) {
        if (receiver instanceof MethodInvocationTree call && isUrlSetter(call)) {
          urls.add(call.getArguments().get(0));
        }
      }
    }
    return urls;
  }

  /**
   * URLs given to setters on the variable the client is stored in, or on a config object it is
   * built from, in the enclosing method (or the enclosing class, for a field).
   */
  private static List<ExpressionTree> setterUrls(
      List<? extends ExpressionTree> arguments, VisitorState state) {
    Set<Symbol> related = new HashSet<>();
    for (ExpressionTree argument : arguments) {
      Symbol symbol = ASTHelpers.getSymbol(argument);
      if (symbol != null) {
        related.add(symbol);
      }
    }
    Symbol target = assignedSymbol(state.getPath());
    if (target != null) {
      related.add(target);
    }
    List<ExpressionTree> urls = new ArrayList<>();
    TreePath scope = state.findPathToEnclosing(MethodTree.class, ClassTree.class);
    if (related.isEmpty() || scope == null) {
      return urls;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (receiver != null && related.contains(ASTHelpers.getSymbol(receiver))) {
          if (isUrlSetter(call)) {
            urls.add(call.getArguments().get(0));
          } else if (isUrlProperty(call)) {
            urls.add(call.getArguments().get(1));
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(scope.getLeaf(), null);
    return urls;
  }

  private static boolean isUrlSetter(MethodInvocationTree call) {
    return call.getArguments().size() == 1 && URL_SETTER.matcher(methodName(call)).matches();
  }

  /** {@code config.addDataSourceProperty("url", …)}, {@code props.setProperty("url", …)}. */
  private static boolean isUrlProperty(MethodInvocationTree call) {
    if (call.getArguments().size() != 2) {
      return false;
    }
    String key = ASTHelpers.constValue(call.getArguments().get(0), String.class);
    return key != null && URL_SETTER.matcher(key).matches();
  }

  private static String methodName(MethodInvocationTree call) {
    return ASTHelpers.getSymbol(call).getSimpleName().toString();
  }

  /** The variable or field the created value is stored in, if it is stored directly. */
  private static @Nullable Symbol assignedSymbol(TreePath path) {
    TreePath parent = Trees.outsideParentheses(path).getParentPath();
    if (parent == null) {
      return null;
    }
    Tree leaf = parent.getLeaf();
    if (leaf instanceof VariableTree variableTree) {
      return ASTHelpers.getSymbol(variableTree);
    }
    if (leaf instanceof AssignmentTree assignmentTree) {
      return ASTHelpers.getSymbol(assignmentTree.getVariable());
    }
    return null;
  }
}
