package dev.poolguard.checks.keys;

import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.common.MemberName;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Finds the arguments of a call that are written into a unique-key slot: a setter or fluent/builder
 * method named after the key, a constructor (or record, or test-data helper) parameter named after
 * the key, a map entry or named bind parameter keyed by the key. Knows names and shapes only;
 * whether the value is fixed, and whether the call writes or reads, is decided elsewhere.
 */
final class KeySlots {
  enum Kind {
    /**
     * A member named after the key: setter, fluent method, constructor or helper parameter, field.
     */
    NAMED,
    /** A map entry or named bind parameter keyed by the key. */
    KEYED
  }

  /**
   * One argument that is written into a key: the value, the key, how the slot reads (rendered only
   * for a finding: most slots hold values that are not fixed), its kind, and for a parameter the
   * call's parameter names and arguments (where a composite key's other parts are written too).
   */
  record Slot(
      ExpressionTree value,
      UniqueKey key,
      java.util.function.Supplier<String> where,
      Kind kind,
      @Nullable SameCall sameCall) {
    Slot(
        ExpressionTree value, UniqueKey key, java.util.function.Supplier<String> where, Kind kind) {
      this(value, key, where, kind, null);
    }
  }

  /** The parameter names and arguments of the call a parameter slot belongs to. */
  record SameCall(List<String> names, List<? extends ExpressionTree> arguments) {}

  private final ImmutableList<String> configuredKeys;
  private final boolean keysFromMapping;
  private final UniqueFactories factories;
  // A compilation's keys, and what depends on a method alone, decided once per compilation.
  private final Supplier<InCompilation> compilations =
      VisitorState.memoize(state -> new InCompilation(state));

  KeySlots(
      ImmutableList<String> configuredKeys,
      boolean keysFromMapping,
      ImmutableList<MemberName> uniqueFactories) {
    this.configuredKeys = configuredKeys;
    this.keysFromMapping = keysFromMapping;
    this.factories = new UniqueFactories(uniqueFactories);
  }

  /**
   * Whether a method so named can have a key slot at all: a constructor, a key-value call, a method
   * named after a key or a test-data helper (the conditions of {@link MethodFacts} that the name
   * decides). Most names a suite calls ({@code assertEquals}, {@code get}) cannot. Asked once per
   * name per compilation.
   */
  boolean mayHaveSlots(Name name, VisitorState state) {
    if (Objects.equals(name, state.getNames().init)) {
      return true;
    }
    String text = name.toString();
    return SlotWords.isKeyValueName(text)
        || compilations.get(state).keys.mayDenoteKey(text)
        || SlotWords.isHelperFirstWord(KeyNames.firstWord(text));
  }

  /**
   * Whether a call to {@code method} can have a key slot at all: most methods never can. Asked once
   * per method per compilation (the walk's choice of this check's calls).
   */
  boolean mayHaveSlots(MethodSymbol method, VisitorState state) {
    return compilations.get(state).factsOf(method, state).mayHaveSlots();
  }

  /**
   * The slot finder of {@code state}'s compilation, fetched once per unit: the check asks about
   * thousands of builder and constructor calls per compilation, and a {@code VisitorState.memoize}
   * fetch per call (synchronized, allocating) costs more than most answers.
   */
  InCompilation forCompilation(VisitorState state) {
    return compilations.get(state);
  }

  /** The slot finder in one compilation. */
  final class InCompilation {
    private final CompilationKeys keys;
    private final Map<MethodSymbol, MethodFacts> known = new HashMap<>();
    private final Name uniqueSlugs;

    private InCompilation(VisitorState state) {
      this.keys = CompilationKeys.of(configuredKeys, keysFromMapping, state);
      this.uniqueSlugs = UniqueFactories.uniqueSlugsName(state);
    }

    /**
     * Whether {@code value} is a call of a unique factory ({@code UniqueSlugs.of(..)}): never a
     * fixed value, whatever slot it fills. Asked before any slot is made, because a suite on the
     * shared pool passes most of its keys so.
     */
    boolean isUniqueFactoryCall(ExpressionTree value, VisitorState state) {
      return Trees.stripCasts(value) instanceof MethodInvocationTree call
          && ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol factory
          && factories.isFactory(factory, uniqueSlugs, state);
    }

    /**
     * The key slots among {@code arguments} of a call to {@code method} (a method or constructor).
     */
    List<Slot> slots(
        MethodSymbol method, List<? extends ExpressionTree> arguments, VisitorState state) {
      if (arguments.isEmpty()) {
        return List.of();
      }
      MethodFacts facts = factsOf(method, state);
      return facts.mayHaveSlots() ? slotsOf(method, facts, arguments) : List.of();
    }

    /** The key a field so named is, when written: {@code product.slug = ..}. */
    @Nullable UniqueKey keyOfField(Symbol field) {
      if (!(field instanceof VarSymbol)
          || field.getKind() != ElementKind.FIELD
          || isStatic(field)) {
        return null;
      }
      return keys.keyOfMember(field.getSimpleName(), field.owner, false);
    }

    private MethodFacts factsOf(MethodSymbol method, VisitorState state) {
      MethodFacts facts = known.get(method);
      if (facts == null) {
        facts = MethodFacts.of(method, keys, factories, state);
        known.put(method, facts);
      }
      return facts;
    }

    private List<Slot> slotsOf(
        MethodSymbol method, MethodFacts facts, List<? extends ExpressionTree> arguments) {
      List<Slot> slots = new ArrayList<>();
      switch (facts.keyValueForm()) {
        case CONSTRUCTOR -> {
          if (arguments.size() == 2) {
            keyed(
                arguments.get(0), arguments.get(1), "new " + constructedName(method.owner), slots);
          }
        }
        case MAP_OF -> {
          if (arguments.size() % 2 == 0) {
            for (int i = 0; i + 1 < arguments.size(); i += 2) {
              keyed(
                  arguments.get(i),
                  arguments.get(i + 1),
                  method.owner.getSimpleName() + ".of",
                  slots);
            }
            return slots;
          }
        }
        case KEY_THEN_VALUE -> {
          if (arguments.size() >= 2) {
            keyed(arguments.get(0), arguments.get(1), facts.name(), slots);
          }
        }
        case TARGET_KEY_VALUE -> {
          if (arguments.size() >= 3) {
            keyed(arguments.get(1), arguments.get(2), facts.name(), slots);
          }
        }
        case NONE -> {}
      }
      UniqueKey namedKey = facts.namedKey();
      if (slots.isEmpty() && arguments.size() == 1 && namedKey != null) {
        // setSlug(v), slug(v), withSlug(v), tenantSlug(v) on a builder.
        slots.add(
            new Slot(
                arguments.get(0), namedKey, () -> method.getSimpleName() + "(..)", Kind.NAMED));
      }
      if (slots.isEmpty() && facts.writesParameterKeys()) {
        namedParameters(method, facts.parameterKeys(), arguments, slots);
      }
      return slots;
    }

    private void keyed(ExpressionTree key, ExpressionTree value, String call, List<Slot> slots) {
      UniqueKey named = keyNamed(key);
      if (named != null) {
        String name = named.name();
        slots.add(new Slot(value, named, () -> call + "(\"" + name + "\", ..)", Kind.KEYED));
      }
    }

    /**
     * The key an expression names: a constant string ({@code "slug"}, {@code "tenant_slug"}) or a
     * field constant named after it ({@code PRODUCT.SLUG}, {@code Product_.slug}, an enum
     * constant).
     */
    private @Nullable UniqueKey keyNamed(ExpressionTree key) {
      Object constant = ASTHelpers.constValue(key);
      if (constant instanceof String string) {
        String text = string.trim();
        if (text.startsWith(":") || text.startsWith("@") || text.startsWith("$")) {
          text = text.substring(1); // bind-marker spellings
        }
        return SourceVersion.isIdentifier(text.replace('-', '_').replace('.', '_'))
            ? keys.keyOf(text)
            : null;
      }
      if (constant == null && (key instanceof MemberSelectTree || key instanceof IdentifierTree)) {
        Symbol symbol = ASTHelpers.getSymbol((Tree) key);
        // A column or attribute handle, not a string that might itself be a key's value.
        if (symbol instanceof VarSymbol
            && (symbol.getKind() == ElementKind.ENUM_CONSTANT
                || (symbol.getKind() == ElementKind.FIELD
                    && (symbol.flags() & (Flags.FINAL | Flags.STATIC)) != 0
                    && !isString(symbol.type)))) {
          return keys.keyOf(symbol.getSimpleName());
        }
      }
      return null;
    }
  }

  /** Constructor or helper parameters named after a key, by declared name or record component. */
  private static void namedParameters(
      MethodSymbol method,
      MethodFacts.ParameterKeys parameters,
      List<? extends ExpressionTree> arguments,
      List<Slot> slots) {
    if (parameters.isEmpty()) {
      return;
    }
    List<String> names = parameters.names();
    boolean varargs = method.isVarArgs();
    SameCall sameCall = new SameCall(names, arguments);
    for (int i = 0; i < arguments.size(); i++) {
      int parameter = i;
      if (i >= names.size() - 1 && varargs) {
        parameter = names.size() - 1;
      }
      if (parameter >= names.size()) {
        return;
      }
      UniqueKey key = parameters.keys().get(parameter);
      if (key != null) {
        String name = names.get(parameter);
        slots.add(
            new Slot(
                arguments.get(i),
                key,
                () ->
                    (method.isConstructor()
                            ? "new " + constructedName(method.owner)
                            : method.getSimpleName().toString())
                        + "(.., "
                        + name
                        + ", ..)",
                Kind.NAMED,
                sameCall));
      }
    }
  }

  /**
   * The name a construction is written with ({@code new Product(..)}): an anonymous class has none,
   * so its supertype's ({@code new Product(..) {}} names {@code Product}).
   */
  private static Name constructedName(Symbol owner) {
    if (owner instanceof ClassSymbol clazz && clazz.isAnonymous()) {
      List<Type> interfaces = clazz.getInterfaces();
      return (interfaces.isEmpty() ? clazz.getSuperclass() : interfaces.get(0))
          .tsym.getSimpleName();
    }
    return owner.getSimpleName();
  }

  private static boolean isString(Type type) {
    return type == null
        || type.tsym == null
        || type.tsym.getQualifiedName().contentEquals("java.lang.String")
        || type.tsym.getQualifiedName().contentEquals("java.lang.CharSequence")
        || type.tsym.getQualifiedName().contentEquals("java.lang.Object");
  }
}
