package dev.poolguard.checks.keys;

import static com.google.errorprone.util.ASTHelpers.isStatic;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
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
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import com.sun.tools.javac.util.Name;
import dev.poolguard.checks.common.MemberName;
import dev.poolguard.checks.common.RuntimeApi;
import dev.poolguard.checks.common.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  /** Calls whose first argument names a key and whose second is its value. */
  private static final ImmutableSet<String> KEY_THEN_VALUE =
      ImmutableSet.of(
          "put",
          "putIfAbsent",
          "entry",
          "immutableEntry",
          "bind",
          "bindByName",
          "addValue",
          "setParameter",
          "param",
          "parameter",
          "addParameter",
          "set",
          "with",
          "value",
          "append",
          "add",
          "setProperty",
          "setVariable",
          "setAttribute");

  /** Calls {@code (target, key, value, ..)}: reflection helpers that write a named field. */
  private static final ImmutableSet<String> TARGET_KEY_VALUE =
      ImmutableSet.of(
          "setField",
          "writeField",
          "writeDeclaredField",
          "setProperty",
          "setInternalState",
          "setFieldValue");

  /** Constructors {@code (key, value)} of map-like values. */
  private static final ImmutableSet<String> KEY_VALUE_CONSTRUCTORS =
      ImmutableSet.of(
          "java.util.AbstractMap.SimpleEntry",
          "java.util.AbstractMap.SimpleImmutableEntry",
          "org.springframework.jdbc.core.namedparam.MapSqlParameterSource",
          "org.bson.Document",
          "com.mongodb.BasicDBObject");

  /** First words of single-argument methods named after a key that set it. */
  private static final ImmutableSet<String> SETTER_WORDS =
      ImmutableSet.of("set", "with", "update", "change");

  /**
   * First words of methods named after a key that read, look up, test or derive it rather than
   * write it ({@code findBySlug}, {@code existsSlug}, {@code slugify}-style helpers named {@code
   * toSlug}).
   */
  private static final ImmutableSet<String> NON_WRITING_WORDS =
      ImmutableSet.of(
          "get",
          "is",
          "has",
          "find",
          "exists",
          "count",
          "delete",
          "remove",
          "query",
          "search",
          "load",
          "fetch",
          "read",
          "lookup",
          "select",
          "assert",
          "verify",
          "validate",
          "check",
          "contains",
          "parse",
          "to",
          "as",
          "compute",
          "generate",
          "create",
          "new",
          "make",
          "build",
          "normalize",
          "random",
          "unique",
          "next",
          "format",
          "matches",
          "equals",
          "expect",
          "by",
          "for",
          "from",
          "of",
          "sanitize",
          "clean",
          "encode",
          "decode",
          "escape",
          "slugify",
          "derive",
          "calculate");

  /** Words that mark a method name as a query ({@code findBySlug}, {@code orderBySlug}). */
  private static final ImmutableSet<String> QUERY_WORDS =
      ImmutableSet.of("by", "where", "filter", "having");

  /**
   * First words of test-data helpers whose parameters are written ({@code insertProduct(slug)}).
   */
  private static final ImmutableSet<String> HELPER_WRITE_WORDS =
      ImmutableSet.of(
          "create",
          "insert",
          "save",
          "persist",
          "add",
          "new",
          "given",
          "seed",
          "register",
          "store",
          "upsert",
          "make",
          "build",
          "a",
          "an",
          "stub",
          "prepare",
          "setup");

  enum Kind {
    /**
     * A member named after the key: setter, fluent method, constructor or helper parameter, field.
     */
    NAMED,
    /** A map entry or named bind parameter keyed by the key. */
    KEYED
  }

  /**
   * One argument that is written into a key: the value, the key name, how the slot reads (rendered
   * only for a finding: most slots hold values that are not fixed), and its kind.
   */
  record Slot(
      ExpressionTree value, String key, java.util.function.Supplier<String> where, Kind kind) {}

  private final KeyNames keys;
  private final ImmutableList<MemberName> uniqueFactories;
  // What depends on the method alone, decided once per method per compilation.
  private final Supplier<Map<MethodSymbol, MethodFacts>> methodFacts =
      VisitorState.memoize(unused -> new HashMap<>());
  // Interned per compilation, so that an owner's name is compared by identity: JDK 17's
  // Name.contentEquals decodes a new string on every call.
  private static final Supplier<Name> UNIQUE_SLUGS_NAME =
      VisitorState.memoize(state -> state.getName(RuntimeApi.UNIQUE_SLUGS));

  /**
   * What a method's name and signature say about its slots: the name as a string (decoded once),
   * its parameters' keys, whether it can have a slot at all, the key a one-argument method named
   * after one writes ({@code ""} for none), whether it is a test-data helper whose keyed parameters
   * are written, and which key-value form its calls take. Decided once per method, so that a call
   * (a suite makes thousands) reads fields rather than testing names.
   */
  private record MethodFacts(
      String name,
      ParameterKeys parameterKeys,
      boolean mayHaveSlots,
      String namedKey,
      boolean writesParameterKeys,
      KeyValueForm keyValueForm) {
    /** A method no call of which has a slot (most methods a suite calls). */
    static final MethodFacts NONE =
        new MethodFacts("", ParameterKeys.NONE, false, "", false, KeyValueForm.NONE);
  }

  /** Where a call names a key and passes its value. */
  private enum KeyValueForm {
    NONE,
    /** {@code new Document("slug", v)}. */
    CONSTRUCTOR,
    /** {@code Map.of("slug", v, ..)}: pairs. */
    MAP_OF,
    /** {@code put("slug", v)}, {@code bind("slug", v)}. */
    KEY_THEN_VALUE,
    /** {@code setField(target, "slug", v)}. */
    TARGET_KEY_VALUE
  }

  KeySlots(KeyNames keys, ImmutableList<MemberName> uniqueFactories) {
    this.keys = keys;
    this.uniqueFactories = uniqueFactories;
  }

  /**
   * Whether a method so named can have a key slot at all: a constructor, a key-value call, a method
   * named after a key or a test-data helper (the conditions of {@link #facts} that the name
   * decides). Most names a suite calls ({@code assertEquals}, {@code get}) cannot.
   */
  boolean mayHaveSlots(Name name, VisitorState state) {
    if (name == state.getNames().init) {
      return true;
    }
    String text = name.toString();
    return isKeyValueName(text)
        || keys.mayDenoteKey(text)
        || isHelperFirstWord(KeyNames.firstWord(text));
  }

  private static boolean isKeyValueName(String name) {
    return name.equals("of") || KEY_THEN_VALUE.contains(name) || TARGET_KEY_VALUE.contains(name);
  }

  /** The first word of a test-data helper's name ({@code insertProduct}, {@code Product.of}). */
  private static boolean isHelperFirstWord(String first) {
    return first.equals("of") || HELPER_WRITE_WORDS.contains(first);
  }

  /**
   * The slot finder with the look-ups of {@code state}'s compilation fetched once per unit: the
   * check asks about thousands of builder and constructor calls per compilation, and a {@code
   * VisitorState.memoize} fetch per call (synchronized, allocating) costs more than most answers.
   */
  InCompilation forCompilation(VisitorState state) {
    return new InCompilation(methodFacts.get(state), UNIQUE_SLUGS_NAME.get(state));
  }

  /** The slot finder in one compilation. */
  final class InCompilation {
    private final Map<MethodSymbol, MethodFacts> known;
    private final Name uniqueSlugs;

    private InCompilation(Map<MethodSymbol, MethodFacts> known, Name uniqueSlugs) {
      this.known = known;
      this.uniqueSlugs = uniqueSlugs;
    }

    /**
     * Whether {@code value} is a call of a unique factory ({@code UniqueSlugs.of(..)}): never a
     * fixed value, whatever slot it fills. Asked before any slot is made, because a suite on the
     * shared pool passes most of its keys so.
     */
    boolean isUniqueFactoryCall(ExpressionTree value, VisitorState state) {
      return Trees.stripCasts(value) instanceof MethodInvocationTree call
          && ASTHelpers.getSymbol((Tree) call) instanceof MethodSymbol factory
          && isUniqueFactory(factory, uniqueSlugs, state);
    }

    /**
     * The key slots among {@code arguments} of a call to {@code method} (a method or constructor).
     */
    List<Slot> slots(
        MethodSymbol method, List<? extends ExpressionTree> arguments, VisitorState state) {
      if (arguments.isEmpty()) {
        return List.of();
      }
      MethodFacts facts = factsOf(known, method, state);
      return facts.mayHaveSlots() ? slotsOf(method, facts, arguments) : List.of();
    }
  }

  /**
   * Whether a call to {@code method} can have a key slot at all: most methods never can. Asked once
   * per method per compilation (the walk's choice of this check's calls).
   */
  boolean mayHaveSlots(MethodSymbol method, VisitorState state) {
    return factsOf(methodFacts.get(state), method, state).mayHaveSlots();
  }

  private MethodFacts factsOf(
      Map<MethodSymbol, MethodFacts> known, MethodSymbol method, VisitorState state) {
    MethodFacts facts = known.get(method);
    if (facts == null) {
      facts = facts(method, state);
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
          keyed(arguments.get(0), arguments.get(1), "new " + constructedName(method.owner), slots);
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
    if (slots.isEmpty() && arguments.size() == 1 && !facts.namedKey().isEmpty()) {
      // setSlug(v), slug(v), withSlug(v), tenantSlug(v) on a builder.
      slots.add(
          new Slot(
              arguments.get(0),
              facts.namedKey(),
              () -> method.getSimpleName() + "(..)",
              Kind.NAMED));
    }
    if (slots.isEmpty() && facts.writesParameterKeys()) {
      namedParameters(method, facts.parameterKeys(), arguments, slots);
    }
    return slots;
  }

  /**
   * What a call to {@code method} can have, whatever its arguments: whether a key slot at all (the
   * necessary conditions of {@link #slotsOf} that the method alone decides, its arity included;
   * most calls are to methods that never can), its parameters' keys, the key a one-argument method
   * named after one writes, and whether it is a test-data helper.
   */
  private MethodFacts facts(MethodSymbol method, VisitorState state) {
    // From the type: the parameters' symbols of a method read from a class file are made on demand.
    int parameters = method.type.getParameterTypes().size();
    boolean varargs = method.isVarArgs();
    if (parameters == 0) {
      return MethodFacts.NONE; // no argument, no slot
    }
    if (method.isConstructor()) {
      ParameterKeys parameterKeys =
          takesString(method, state) ? parameterKeys(method) : ParameterKeys.NONE;
      KeyValueForm form =
          (parameters == 2 || varargs)
                  && KEY_VALUE_CONSTRUCTORS.contains(method.owner.getQualifiedName().toString())
              ? KeyValueForm.CONSTRUCTOR
              : KeyValueForm.NONE;
      boolean writesParameterKeys = !parameterKeys.isEmpty();
      return (form != KeyValueForm.NONE || writesParameterKeys)
              && !isUniqueFactory(method, UNIQUE_SLUGS_NAME.get(state), state)
          ? new MethodFacts("<init>", parameterKeys, true, "", writesParameterKeys, form)
          : MethodFacts.NONE;
    }
    String name = method.getSimpleName().toString();
    KeyValueForm form = keyValueForm(method, name, parameters, varargs, state);
    String namedKey =
        (parameters == 1 || varargs) && keys.mayDenoteKey(name) ? namedMethodKey(method) : "";
    // A method's parameters are read only for a test-data helper: reading them is the costly part
    // (a method from a class file makes its parameters' symbols on demand), and few methods are.
    ParameterKeys parameterKeys =
        isTestDataHelper(method, name) && takesString(method, state)
            ? parameterKeys(method)
            : ParameterKeys.NONE;
    boolean writesParameterKeys = !parameterKeys.isEmpty();
    if ((form == KeyValueForm.NONE && namedKey.isEmpty() && !writesParameterKeys)
        // Checked last: few methods get here, and a configured factory is tested by subtype.
        || isUniqueFactory(method, UNIQUE_SLUGS_NAME.get(state), state)) {
      return MethodFacts.NONE; // most methods
    }
    return new MethodFacts(name, parameterKeys, true, namedKey, writesParameterKeys, form);
  }

  private static KeyValueForm keyValueForm(
      MethodSymbol method, String name, int parameters, boolean varargs, VisitorState state) {
    if (name.equals("of") && isMap(method.owner, state)) {
      return KeyValueForm.MAP_OF;
    }
    if (KEY_THEN_VALUE.contains(name) && (parameters >= 2 || varargs)) {
      return KeyValueForm.KEY_THEN_VALUE;
    }
    if (TARGET_KEY_VALUE.contains(name) && (parameters >= 3 || varargs)) {
      return KeyValueForm.TARGET_KEY_VALUE;
    }
    return KeyValueForm.NONE;
  }

  /** A field named after a key: {@code product.slug = ..}. */
  @Nullable String keyOfField(Symbol field) {
    if (!(field instanceof VarSymbol) || field.getKind() != ElementKind.FIELD || isStatic(field)) {
      return null;
    }
    return keys.keyOf(field.getSimpleName());
  }

  private boolean isUniqueFactory(MethodSymbol method, Name uniqueSlugs, VisitorState state) {
    if (method.owner != null && method.owner.getQualifiedName() == uniqueSlugs) {
      return true;
    }
    for (MemberName factory : uniqueFactories) {
      if (factory.matches(method, state)) {
        return true;
      }
    }
    return false;
  }

  /** The key a one-argument method named after it writes, or {@code ""}. */
  private String namedMethodKey(MethodSymbol method) {
    ImmutableList<String> words = KeyNames.words(method.getSimpleName().toString());
    String key = keys.keyOfWords(words);
    if (key == null || words.stream().anyMatch(QUERY_WORDS::contains)) {
      return "";
    }
    int keyWords = KeyNames.words(key).size();
    String first = words.size() > keyWords ? words.get(0) : null;
    boolean setter = first != null && SETTER_WORDS.contains(first);
    if (!setter && first != null && NON_WRITING_WORDS.contains(first)) {
      return "";
    }
    if (!"set".equals(first)) {
      // A fluent method writes the key when it hands back a builder or the receiver; a method that
      // returns a String (or another plain value) computes something from its argument.
      if (!returnsBuilderLike(method)) {
        return "";
      }
    }
    return key;
  }

  private static boolean returnsBuilderLike(MethodSymbol method) {
    Type returnType = method.getReturnType();
    if (returnType == null) {
      return false;
    }
    if (returnType.getTag() == TypeTag.VOID) {
      return true;
    }
    if (returnType.isPrimitive() || returnType.tsym == null) {
      return false;
    }
    String returned = returnType.tsym.getQualifiedName().toString();
    return !returned.startsWith("java.lang.")
        && !returned.equals("java.util.Optional")
        && !returned.startsWith("java.util.stream.");
  }

  /** Constructor or helper parameters named after a key, by declared name or record component. */
  private static void namedParameters(
      MethodSymbol method,
      ParameterKeys parameters,
      List<? extends ExpressionTree> arguments,
      List<Slot> slots) {
    if (parameters.isEmpty()) {
      return;
    }
    List<String> names = parameters.names();
    boolean varargs = method.isVarArgs();
    for (int i = 0; i < arguments.size(); i++) {
      int parameter = i;
      if (i >= names.size() - 1 && varargs) {
        parameter = names.size() - 1;
      }
      if (parameter >= names.size()) {
        return;
      }
      String key = parameters.keys().get(parameter);
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
                Kind.NAMED));
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

  /**
   * A method's parameter names and the key each denotes ({@code null} where none); empty when none
   * does.
   */
  private record ParameterKeys(List<String> names, List<@Nullable String> keys) {
    static final ParameterKeys NONE = new ParameterKeys(List.of(), List.of());

    boolean isEmpty() {
      return keys.isEmpty();
    }
  }

  /**
   * Whether some parameter of {@code method} can be passed a string: only a fixed string is a
   * hardcoded key, so the names of a constructor's or helper's parameters are read only then (most
   * constructors a suite calls take numbers, collections and other objects). Decided from the
   * method's type, whose parameter types exist without the parameters' symbols, by javac's own
   * subtype test: {@code String} itself, a supertype ({@code Object}, {@code CharSequence}, {@code
   * Comparable}, …), a type variable it can stand for, or the element of such a varargs array.
   */
  private static boolean takesString(MethodSymbol method, VisitorState state) {
    Types types = state.getTypes();
    Type string = state.getSymtab().stringType;
    // javac's list is linked: walked, not indexed.
    for (com.sun.tools.javac.util.List<Type> left = method.type.getParameterTypes();
        left.nonEmpty();
        left = left.tail) {
      Type parameter = left.head;
      Type element = left.tail.isEmpty() && method.isVarArgs() ? types.elemtype(parameter) : null;
      if (element != null) {
        parameter = element;
      }
      if (!parameter.isPrimitive() && types.isSubtype(string, types.erasure(parameter))) {
        return true;
      }
    }
    return false;
  }

  private ParameterKeys parameterKeys(MethodSymbol method) {
    List<String> names = parameterNames(method);
    List<@Nullable String> perParameter = new ArrayList<>(names.size());
    boolean any = false;
    for (String name : names) {
      String key = keys.keyOf(name);
      perParameter.add(key);
      any |= key != null;
    }
    return any
        ? new ParameterKeys(names, Collections.unmodifiableList(perParameter))
        : ParameterKeys.NONE;
  }

  /** Declared parameter names; a record's canonical constructor falls back to its components. */
  private static List<String> parameterNames(MethodSymbol method) {
    List<String> names = new ArrayList<>();
    for (VarSymbol parameter : method.getParameters()) {
      names.add(parameter.getSimpleName().toString());
    }
    boolean synthetic = allSynthetic(names);
    if (synthetic
        && method.isConstructor()
        && method.owner instanceof ClassSymbol
        && (method.owner.flags() & Flags.RECORD) != 0) {
      List<String> components = new ArrayList<>();
      ((ClassSymbol) method.owner)
          .getRecordComponents()
          .forEach(c -> components.add(c.getSimpleName().toString()));
      if (components.size() == names.size()) {
        return components;
      }
    }
    if (synthetic) {
      return List.of(); // compiled without -parameters: names unknown
    }
    return names;
  }

  /**
   * Whether every name is one javac gives the parameters of a class compiled without {@code
   * -parameters} ({@code arg0}, {@code arg1}, …).
   */
  private static boolean allSynthetic(List<String> names) {
    for (String name : names) {
      if (name.length() < 4 || !name.startsWith("arg")) {
        return false;
      }
      for (int i = 3; i < name.length(); i++) {
        if (name.charAt(i) < '0' || name.charAt(i) > '9') {
          return false;
        }
      }
    }
    return true;
  }

  private void keyed(ExpressionTree key, ExpressionTree value, String call, List<Slot> slots) {
    String keyName = keyNamed(key);
    if (keyName != null) {
      slots.add(new Slot(value, keyName, () -> call + "(\"" + keyName + "\", ..)", Kind.KEYED));
    }
  }

  /**
   * The key an expression names: a constant string ({@code "slug"}, {@code "tenant_slug"}) or a
   * field constant named after it ({@code PRODUCT.SLUG}, {@code Product_.slug}, an enum constant).
   */
  private @Nullable String keyNamed(ExpressionTree key) {
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

  private static boolean isString(Type type) {
    return type == null
        || type.tsym == null
        || type.tsym.getQualifiedName().contentEquals("java.lang.String")
        || type.tsym.getQualifiedName().contentEquals("java.lang.CharSequence")
        || type.tsym.getQualifiedName().contentEquals("java.lang.Object");
  }

  private static boolean isMap(Symbol owner, VisitorState state) {
    Type map = JAVA_UTIL_MAP.get(state);
    return owner != null
        && owner.type != null
        && map != null
        && state
            .getTypes()
            .isSubtype(state.getTypes().erasure(owner.type), state.getTypes().erasure(map));
  }

  /** A test-data helper: {@code insertProduct(String slug, ..)}, {@code Product.of(..)}. */
  private static boolean isTestDataHelper(MethodSymbol method, String name) {
    String first = KeyNames.firstWord(name);
    if (!isHelperFirstWord(first)) {
      return false; // most methods: decided without splitting the whole name
    }
    if (first.length() == name.length()) {
      // One word, the commonest helper-like names (add, save, of): decided without splitting.
      if (first.equals("of") || first.equals("create")) {
        return isValueFactory(method);
      }
      return HELPER_WRITE_WORDS.contains(first);
    }
    ImmutableList<String> words = KeyNames.words(name);
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() == 1 && (words.get(0).equals("of") || words.get(0).equals("create"))) {
      return isValueFactory(method);
    }
    if (!HELPER_WRITE_WORDS.contains(words.get(0))) {
      return false;
    }
    for (String word : words) {
      if (QUERY_WORDS.contains(word)) {
        return false; // a query by the key (insertOrFindBySlug), not a write of it
      }
    }
    return true;
  }

  /** {@code Product.of(..)}, {@code Product.create(..)}: a factory of its own class's values. */
  private static boolean isValueFactory(MethodSymbol method) {
    Type returnType = method.getReturnType();
    return returnType != null && returnType.tsym == method.owner;
  }

  private static final Supplier<Type> JAVA_UTIL_MAP = Suppliers.typeFromString("java.util.Map");
}
