import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Validates a Maven Central upload bundle as Central's deployment validation does, plus what
 * PoolGuard promises on top (exactly the published artifacts, nothing test-only, consumer POMs
 * without a parent). Run by scripts/check-bundle; every problem is collected and printed, then the
 * exit code is 1.
 */
public final class CheckBundle {
  private static final String GROUP_ID = "dev.poolguard";

  /**
   * What PoolGuard publishes, with each artifact's packaging; everything else is never deployed.
   */
  private static final Map<String, String> PUBLISHED =
      Map.of(
          "poolguard-bom", "pom",
          "poolguard-checks", "jar",
          "poolguard-runtime", "jar",
          "poolguard-spring", "jar");

  /** Checksums Central requires, and the optional ones it checks when they are there. */
  private static final Map<String, String> REQUIRED_CHECKSUMS =
      Map.of("md5", "MD5", "sha1", "SHA-1");

  private static final Map<String, String> OPTIONAL_CHECKSUMS =
      Map.of("sha256", "SHA-256", "sha512", "SHA-512");

  private final String version;
  private final Map<String, byte[]> files = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();

  private CheckBundle(String version) {
    this.version = version;
  }

  public static void main(String[] args) throws Exception {
    CheckBundle check = new CheckBundle(args[1]);
    check.read(Path.of(args[0]));
    check.run();
    if (!check.problems.isEmpty()) {
      System.err.println("bundle check FAILED, " + check.problems.size() + " problem(s):");
      check.problems.forEach(p -> System.err.println("  - " + p));
      System.exit(1);
    }
    System.out.println("bundle check passed: " + args[0]);
  }

  private void read(Path bundle) throws IOException {
    if (!Files.isRegularFile(bundle)) {
      throw new IllegalArgumentException(
          bundle + " does not exist: build it with mvn -Prelease (docs/releasing.md)");
    }
    try (ZipFile zip = new ZipFile(bundle.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        if (!entry.isDirectory()) {
          try (var in = zip.getInputStream(entry)) {
            files.put(entry.getName(), in.readAllBytes());
          }
        }
      }
    }
    System.out.println("bundle " + bundle + " (" + files.size() + " files):");
    files.forEach((name, bytes) -> System.out.printf("  %8d  %s%n", bytes.length, name));
  }

  private void run() throws Exception {
    String groupPath = GROUP_ID.replace('.', '/') + "/";
    Map<String, List<String>> byArtifact = new TreeMap<>();
    for (String name : files.keySet()) {
      String[] parts =
          name.startsWith(groupPath) ? name.substring(groupPath.length()).split("/") : null;
      if (parts == null || parts.length != 3) {
        problems.add(name + ": not at " + groupPath + "<artifactId>/<version>/<file>");
        continue;
      }
      if (!parts[1].equals(version)) {
        problems.add(name + ": version directory " + parts[1] + ", expected " + version);
      }
      if (!parts[2].startsWith(parts[0] + "-" + parts[1])) {
        problems.add(name + ": file name does not start with " + parts[0] + "-" + parts[1]);
      }
      byArtifact.computeIfAbsent(parts[0], a -> new ArrayList<>()).add(name);
    }
    for (String artifactId : byArtifact.keySet()) {
      if (!PUBLISHED.containsKey(artifactId)) {
        problems.add(
            artifactId
                + " is in the bundle but is not published (only "
                + PUBLISHED.keySet()
                + ")");
      }
    }
    for (String artifactId : new TreeMap<>(PUBLISHED).keySet()) {
      if (!byArtifact.containsKey(artifactId)) {
        problems.add(artifactId + " is missing from the bundle");
        continue;
      }
      checkArtifact(artifactId, PUBLISHED.get(artifactId));
    }
    for (String name : files.keySet()) {
      if (!isSidecar(name)) {
        checkSidecars(name);
      }
    }
  }

  private void checkArtifact(String artifactId, String packaging) throws Exception {
    String base =
        GROUP_ID.replace('.', '/')
            + "/"
            + artifactId
            + "/"
            + version
            + "/"
            + artifactId
            + "-"
            + version;
    byte[] pom = files.get(base + ".pom");
    if (pom == null) {
      problems.add(artifactId + ": no POM");
      return;
    }
    new PomCheck(artifactId, packaging, parse(pom)).run();
    List<String> kinds = new ArrayList<>(List.of("pom"));
    if (packaging.equals("jar")) {
      checkJar(base + ".jar", ".class", "META-INF/LICENSE");
      checkJar(base + "-sources.jar", ".java", "META-INF/LICENSE");
      checkJar(base + "-javadoc.jar", "index.html", null);
      kinds.addAll(List.of("jar", "sources", "javadoc"));
    }
    System.out.println(
        "  " + GROUP_ID + ":" + artifactId + ":" + version + " (" + packaging + "): " + kinds);
  }

  private void checkJar(String name, String mustContainSuffix, String mustContainEntry)
      throws IOException {
    byte[] jar = files.get(name);
    if (jar == null) {
      problems.add(
          name + " is missing (Central requires sources and javadoc jars beside every jar)");
      return;
    }
    boolean found = false;
    boolean entryFound = mustContainEntry == null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        found |= e.getName().endsWith(mustContainSuffix);
        entryFound |= e.getName().equals(mustContainEntry);
      }
    }
    if (!found) {
      problems.add(name + " holds no " + mustContainSuffix);
    }
    if (!entryFound) {
      problems.add(name + " lacks " + mustContainEntry);
    }
  }

  private void checkSidecars(String name) throws Exception {
    byte[] content = files.get(name);
    for (Map.Entry<String, String> sum : REQUIRED_CHECKSUMS.entrySet()) {
      checkChecksum(name, content, sum.getKey(), sum.getValue(), true);
    }
    for (Map.Entry<String, String> sum : OPTIONAL_CHECKSUMS.entrySet()) {
      checkChecksum(name, content, sum.getKey(), sum.getValue(), false);
    }
    byte[] signature = files.get(name + ".asc");
    if (signature == null) {
      problems.add(name + ": no .asc signature");
    } else {
      verifySignature(name, content, signature);
    }
  }

  private void checkChecksum(
      String name, byte[] content, String extension, String algorithm, boolean required)
      throws NoSuchAlgorithmException {
    byte[] recorded = files.get(name + "." + extension);
    if (recorded == null) {
      if (required) {
        problems.add(name + ": no ." + extension + " checksum");
      }
      return;
    }
    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    String actual = new String(recorded, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
    if (!expected.equalsIgnoreCase(actual)) {
      problems.add(name + "." + extension + " says " + actual + ", the file's is " + expected);
    }
  }

  private void verifySignature(String name, byte[] content, byte[] signature) throws Exception {
    Path dir = Files.createTempDirectory("check-bundle");
    try {
      Path file = Files.write(dir.resolve("file"), content);
      Path asc = Files.write(dir.resolve("file.asc"), signature);
      Process gpg =
          new ProcessBuilder("gpg", "--batch", "--verify", asc.toString(), file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!gpg.waitFor(60, TimeUnit.SECONDS)) {
        gpg.destroyForcibly();
        problems.add(name + ".asc: gpg --verify did not finish within 60 s");
      } else if (gpg.exitValue() != 0) {
        problems.add(
            name + ".asc does not verify (is the signing key in GNUPGHOME?): " + output.trim());
      }
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static boolean isSidecar(String name) {
    return name.endsWith(".asc")
        || REQUIRED_CHECKSUMS.keySet().stream().anyMatch(e -> name.endsWith("." + e))
        || OPTIONAL_CHECKSUMS.keySet().stream().anyMatch(e -> name.endsWith("." + e));
  }

  private static Document parse(byte[] pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom));
  }

  /** One published POM: what Central requires, and that a user's build resolves it on its own. */
  private final class PomCheck {
    private final String artifactId;
    private final String packaging;
    private final Element project;

    PomCheck(String artifactId, String packaging, Document pom) {
      this.artifactId = artifactId;
      this.packaging = packaging;
      this.project = pom.getDocumentElement();
    }

    void run() {
      expect("groupId", GROUP_ID);
      expect("artifactId", artifactId);
      expect("version", version);
      String declaredPackaging = text(project, "packaging");
      if (!(declaredPackaging.isEmpty() ? "jar" : declaredPackaging).equals(packaging)) {
        problem("packaging is '" + declaredPackaging + "', expected " + packaging);
      }
      if (child(project, "parent") != null) {
        problem("has a <parent>: a consumer POM must stand on its own (flatten it)");
      }
      for (String required : List.of("name", "description", "url")) {
        if (text(project, required).isBlank()) {
          problem("no <" + required + ">");
        }
      }
      requireList("licenses", "license", List.of("name", "url"));
      requireList("developers", "developer", List.of("name"));
      Element scm = child(project, "scm");
      if (scm == null || text(scm, "url").isBlank() || text(scm, "connection").isBlank()) {
        problem("no <scm> with <url> and <connection>");
      }
      checkDependencies(child(project, "dependencies"));
      Element management = child(project, "dependencyManagement");
      checkDependencies(management == null ? null : child(management, "dependencies"));
      String all = project.getTextContent();
      if (all.contains("SNAPSHOT")) {
        problem("mentions a SNAPSHOT");
      }
    }

    /** PoolGuard's own dependencies: published ones only, at this version. */
    private void checkDependencies(Element dependencies) {
      if (dependencies == null) {
        return;
      }
      for (Element dependency : children(dependencies, "dependency")) {
        String depVersion = text(dependency, "version");
        if (depVersion.contains("${") && !depVersion.equals("${project.version}")) {
          problem(
              "dependency "
                  + text(dependency, "artifactId")
                  + " has unresolved version "
                  + depVersion);
        }
        if (!text(dependency, "groupId").equals(GROUP_ID)) {
          continue;
        }
        String depArtifact = text(dependency, "artifactId");
        if (!PUBLISHED.containsKey(depArtifact)) {
          problem("depends on " + depArtifact + ", which is never published");
        }
        if (!depVersion.equals(version) && !depVersion.equals("${project.version}")) {
          problem(
              "depends on " + depArtifact + ":" + depVersion + ", not this release's " + version);
        }
      }
    }

    private void requireList(String list, String item, List<String> fields) {
      Element container = child(project, list);
      List<Element> items = container == null ? List.of() : children(container, item);
      if (items.isEmpty()) {
        problem("no <" + list + "><" + item + ">");
      }
      for (Element element : items) {
        for (String field : fields) {
          if (text(element, field).isBlank()) {
            problem("a <" + item + "> without <" + field + ">");
          }
        }
      }
    }

    private void expect(String element, String expected) {
      String actual = text(project, element);
      if (!actual.equals(expected)) {
        problem(
            "<"
                + element
                + "> is '"
                + actual
                + "', expected '"
                + expected
                + "' (its path in the bundle)");
      }
    }

    private void problem(String what) {
      problems.add(artifactId + "-" + version + ".pom " + what);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
