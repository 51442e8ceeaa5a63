package org.jiefen.deploy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns an uploaded or bundled resource into what may be deployed, or refuses it with a message
 * for the administrator. Works without Spring, so build tools and tests can run it too.
 * Thread-safe.
 */
public final class ModelPreparer {

  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

  static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  // DMN 1.1 to 1.5 as Camunda 8 reads them.
  static final Pattern DMN_NAMESPACE =
      Pattern.compile("https?://www\\.omg\\.org/spec/DMN/\\d{8}/(MODEL/?|dmn\\.xsd)");

  private final long maxBytes;

  public ModelPreparer() {
    this(DEFAULT_MAX_BYTES);
  }

  public ModelPreparer(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    this.maxBytes = maxBytes;
  }

  /** The size limit; a reader needs to read no more than one byte past it to know a resource is too big. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The checks that make a resource safe to keep (size, type by content, XML without DOCTYPE or
   * entities), without the model checks: a draft may be unfinished, but never hostile.
   *
   * @throws ModelRefusedException if the resource must not even be stored
   */
  public void checkSafe(String name, byte[] bytes) {
    ModelKind expected = checkEnvelope(name, bytes);
    if (expected == ModelKind.FORM) {
      if (firstChar(bytes) != '{') {
        throw new ModelRefusedException(name, "is not a form: the content is " + describe(bytes));
      }
      return;
    }
    if (firstChar(bytes) != '<') {
      throw new ModelRefusedException(name, "is not " + expected.label() + ": the content is " + describe(bytes));
    }
    try {
      SafeXml.root(bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelRefusedException(name, e.getMessage());
    }
  }

  /**
   * @param name resource name as it will be deployed, e.g. {@code mediation/Mediation.bpmn}
   * @throws ModelRefusedException if the resource must not be deployed
   */
  public PreparedResource prepare(String name, byte[] bytes) {
    ModelKind expected = checkEnvelope(name, bytes);
    byte[] result =
        switch (expected) {
          case FORM -> prepareForm(name, bytes);
          case BPMN, DMN -> prepareXml(name, bytes, expected);
        };
    return new PreparedResource(name, result, sha256(result), expected);
  }

  private ModelKind checkEnvelope(String name, byte[] bytes) {
    if (name == null || name.isBlank()) {
      throw new ModelRefusedException(String.valueOf(name), "has no name");
    }
    if (bytes == null || bytes.length == 0) {
      throw new ModelRefusedException(name, "is empty");
    }
    // Before any parsing: the size is the cheapest defence against whatever else the file holds.
    if (bytes.length > maxBytes) {
      throw new ModelRefusedException(
          name, "is " + size(bytes.length) + ", more than the limit of " + size(maxBytes));
    }
    ModelKind expected = ModelKind.fromName(name);
    if (expected == null) {
      throw new ModelRefusedException(
          name, "has an unsupported file type; expected a .bpmn, .dmn or .form file");
    }
    return expected;
  }

  private byte[] prepareForm(String name, byte[] bytes) {
    char first = firstChar(bytes);
    if (first != '{' && first != '[') {
      throw new ModelRefusedException(name, "is not a form: the content is " + describe(bytes));
    }
    FormCheck.check(name, bytes);
    return bytes;
  }

  private byte[] prepareXml(String name, byte[] bytes, ModelKind expected) {
    if (firstChar(bytes) != '<') {
      throw new ModelRefusedException(
          name, "is not " + expected.label() + ": the content is " + describe(bytes));
    }
    SafeXml.Root root;
    try {
      root = SafeXml.root(bytes);
    } catch (IllegalArgumentException e) {
      throw new ModelRefusedException(name, e.getMessage());
    }
    ModelKind actual = kindOf(root);
    if (actual != expected) {
      throw new ModelRefusedException(
          name,
          "is not "
              + expected.label()
              + ": it contains "
              + (actual == null
                  ? "XML with root element {" + root.namespace() + "}" + root.localName()
                  : "a " + actual + " model; name it " + actual.extension()));
    }
    if (expected == ModelKind.DMN) {
      DmnCheck.check(name, bytes);
      return bytes;
    }
    return BpmnPreparation.prepare(name, bytes);
  }

  private static ModelKind kindOf(SafeXml.Root root) {
    if (!"definitions".equals(root.localName()) || root.namespace() == null) {
      return null;
    }
    if (BPMN_NAMESPACE.equals(root.namespace())) {
      return ModelKind.BPMN;
    }
    return DMN_NAMESPACE.matcher(root.namespace()).matches() ? ModelKind.DMN : null;
  }

  /** First character after a UTF-8 byte order mark and whitespace, or 0. */
  private static char firstChar(byte[] bytes) {
    int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    while (i < bytes.length && Character.isWhitespace(bytes[i])) {
      i++;
    }
    return i < bytes.length ? (char) (bytes[i] & 0xff) : 0;
  }

  // Administrators mostly upload the wrong file by accident; naming what it is helps them find it.
  static String describe(byte[] b) {
    if (startsWith(b, 0x89, 'P', 'N', 'G')) {
      return "a PNG image";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "a ZIP archive (or an Office document)";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "a PDF document";
    }
    if (startsWith(b, 0xff, 0xd8, 0xff)) {
      return "a JPEG image";
    }
    char first = firstChar(b);
    if (first == '{' || first == '[') {
      return "JSON";
    }
    if (first == '<') {
      return "XML";
    }
    return isUtf8Text(b) ? "plain text" : "binary data";
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8Text(byte[] b) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
      return s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String size(long bytes) {
    return bytes < 1024 * 1024
        ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
