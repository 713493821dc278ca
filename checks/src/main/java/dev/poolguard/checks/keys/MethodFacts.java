package dev.poolguard.checks.keys;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a method's name and signature say about its key slots, whatever its arguments: whether a
 * call of it can have a slot at all (most methods a suite calls cannot), its parameters' keys, the
 * key a one-argument method named after one writes, whether it is a test-data helper whose keyed
 * parameters are written, and which key-value form its calls take. Decided once per method per
 * compilation, so that a call (a suite makes thousands) reads fields rather than testing names.
 *
 * @param name the method's name, decoded once
 * @param namedKey the key a one-argument method named after it writes ({@code setSlug}), or null
 */
record MethodFacts(
    String name,
    MethodFacts.ParameterKeys parameterKeys,
    boolean mayHaveSlots,
    @Nullable UniqueKey namedKey,
    boolean writesParameterKeys,
    MethodFacts.KeyValueForm keyValueForm) {

  /** A method no call of which has a slot (most methods a suite calls). */
  static final MethodFacts NONE =
      new MethodFacts("", ParameterKeys.NONE, false, null, false, KeyValueForm.NONE);

  private static final Supplier<Type> JAVA_UTIL_MAP = Suppliers.typeFromString("java.util.Map");

  /** Where a call names a key and passes its value. */
  enum KeyValueForm {
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

  /**
   * A method's parameter names and the key each denotes ({@code null} where none); empty when none
   * does.
   */
  record ParameterKeys(List<String> names, List<@Nullable UniqueKey> keys) {
    static final ParameterKeys NONE = new ParameterKeys(List.of(), List.of());

    boolean isEmpty() {
      return keys.isEmpty();
    }
  }

  /** The facts of {@code method} in a compilation whose keys are {@code keys}. */
  static MethodFacts of(
      MethodSymbol method, CompilationKeys keys, UniqueFactories factories, VisitorState state) {
    // From the type: the parameters' symbols of a method read from a class file are made on demand.
    int parameters = method.type.getParameterTypes().size();
    boolean varargs = method.isVarArgs();
    if (parameters == 0) {
      return NONE; // no argument, no slot
    }
    if (method.isConstructor()) {
      ParameterKeys parameterKeys =
          takesString(method, state) ? parameterKeys(method, keys) : ParameterKeys.NONE;
      KeyValueForm form =
          (parameters == 2 || varargs)
                  && SlotWords.KEY_VALUE_CONSTRUCTORS.contains(
                      method.owner.getQualifiedName().toString())
              ? KeyValueForm.CONSTRUCTOR
              : KeyValueForm.NONE;
      boolean writesParameterKeys = !parameterKeys.isEmpty();
      return (form != KeyValueForm.NONE || writesParameterKeys)
              && !factories.isFactory(method, UniqueFactories.uniqueSlugsName(state), state)
          ? new MethodFacts("<init>", parameterKeys, true, null, writesParameterKeys, form)
          : NONE;
    }
    String name = method.getSimpleName().toString();
    KeyValueForm form = keyValueForm(method, name, parameters, varargs, state);
    UniqueKey namedKey =
        (parameters == 1 || varargs) && keys.mayDenoteKey(name)
            ? namedMethodKey(method, keys)
            : null;
    // A method's parameters are read only for a test-data helper: reading them is the costly part
    // (a method from a class file makes its parameters' symbols on demand), and few methods are.
    ParameterKeys parameterKeys =
        isTestDataHelper(method, name) && takesString(method, state)
            ? parameterKeys(method, keys)
            : ParameterKeys.NONE;
    boolean writesParameterKeys = !parameterKeys.isEmpty();
    if ((form == KeyValueForm.NONE && namedKey == null && !writesParameterKeys)
        // Checked last: few methods get here, and a configured factory is tested by subtype.
        || factories.isFactory(method, UniqueFactories.uniqueSlugsName(state), state)) {
      return NONE; // most methods
    }
    return new MethodFacts(name, parameterKeys, true, namedKey, writesParameterKeys, form);
  }

  private static KeyValueForm keyValueForm(
      MethodSymbol method, String name, int parameters, boolean varargs, VisitorState state) {
    if (name.equals("of") && isMap(method.owner, state)) {
      return KeyValueForm.MAP_OF;
    }
    if (SlotWords.KEY_THEN_VALUE.contains(name) && (parameters >= 2 || varargs)) {
      return KeyValueForm.KEY_THEN_VALUE;
    }
    if (SlotWords.TARGET_KEY_VALUE.contains(name) && (parameters >= 3 || varargs)) {
      return KeyValueForm.TARGET_KEY_VALUE;
    }
    return KeyValueForm.NONE;
  }

  /**
   * The key a one-argument method named after it writes ({@code setSlug}, {@code slug}, {@code
   * withTenantSlug}, {@code setUsername} on a mapped {@code User}), or {@code null}.
   */
  private static @Nullable UniqueKey namedMethodKey(MethodSymbol method, CompilationKeys keys) {
    ImmutableList<String> words = KeyNames.words(method.getSimpleName().toString());
    if (words.isEmpty() || hasQueryWord(words)) {
      return null;
    }
    String first = words.get(0);
    boolean setter = words.size() > 1 && SlotWords.SETTER_WORDS.contains(first);
    UniqueKey key =
        keys.keyOfMember(setter ? words.subList(1, words.size()) : words, method.owner, false);
    if (key == null) {
      return null;
    }
    // Whether the first word is the method's own (getSlug), not the key's (slug, slugName).
    boolean firstIsVerb = words.size() > KeyNames.words(key.name()).size();
    if (!setter && firstIsVerb && SlotWords.NON_WRITING_WORDS.contains(first)) {
      return null;
    }
    // A fluent method writes the key when it hands back a builder or the receiver; a method that
    // returns a String (or another plain value) computes something from its argument.
    if (!(setter && first.equals("set")) && !returnsBuilderLike(method)) {
      return null;
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

  private static ParameterKeys parameterKeys(MethodSymbol method, CompilationKeys keys) {
    List<String> names = parameterNames(method);
    List<@Nullable UniqueKey> perParameter = new ArrayList<>(names.size());
    // A constructor's or a static factory's parameters fill the properties of the type it makes.
    Symbol owner = method.owner;
    boolean any = false;
    for (String name : names) {
      UniqueKey key = keys.keyOfMember(name, owner, true);
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
    if (!SlotWords.isHelperFirstWord(first)) {
      return false; // most methods: decided without splitting the whole name
    }
    if (first.length() == name.length()) {
      // One word, the commonest helper-like names (add, save, of): decided without splitting.
      return isOneWordHelper(method, first);
    }
    ImmutableList<String> words = KeyNames.words(name);
    if (words.isEmpty()) {
      return false;
    }
    if (words.size() == 1) {
      return isOneWordHelper(method, words.get(0));
    }
    if (!SlotWords.HELPER_WRITE_WORDS.contains(words.get(0))) {
      return false;
    }
    // A query by the key (insertOrFindBySlug), not a write of it.
    return !hasQueryWord(words);
  }

  private static boolean hasQueryWord(List<String> words) {
    for (String word : words) {
      if (SlotWords.QUERY_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code Product.of(..)} is a helper when it makes its own class's values; {@code create(..)}
   * also when it stores them ({@code repository.create(name, slug)} returning the new row's id),
   * but not when it hands back text it computed from its arguments.
   */
  private static boolean isOneWordHelper(MethodSymbol method, String word) {
    if (word.equals("of")) {
      return isValueFactory(method);
    }
    if (word.equals("create")) {
      return isValueFactory(method) || !returnsText(method);
    }
    return SlotWords.HELPER_WRITE_WORDS.contains(word);
  }

  /** {@code Product.of(..)}, {@code Product.create(..)}: a factory of its own class's values. */
  private static boolean isValueFactory(MethodSymbol method) {
    Type returnType = method.getReturnType();
    return returnType != null && Objects.equals(returnType.tsym, method.owner);
  }

  private static boolean returnsText(MethodSymbol method) {
    Type returnType = method.getReturnType();
    return returnType != null
        && returnType.tsym != null
        && (returnType.tsym.getQualifiedName().contentEquals("java.lang.String")
            || returnType.tsym.getQualifiedName().contentEquals("java.lang.CharSequence"));
  }
}
