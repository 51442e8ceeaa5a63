package org.jiefen.evidence;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The kinds of evidence accepted, each known by its first bytes (magic number), never by a name. */
enum EvidenceType {
  PDF("pdf", "application/pdf", Set.of("application/pdf", "application/x-pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("jpeg", "image/jpeg", Set.of("image/jpeg", "image/jpg", "image/pjpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("png", "image/png", Set.of("image/png", "image/x-png"),
      new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

  /** What browsers and clients declare for a file they know nothing about: no claim to check. */
  private static final Set<String> UNDECLARED = Set.of("", "application/octet-stream");

  private final String id;
  private final String mediaType;
  private final Set<String> declaredAs;
  private final byte[] magic;

  EvidenceType(String id, String mediaType, Set<String> declaredAs, byte[] magic) {
    this.id = id;
    this.mediaType = mediaType;
    this.declaredAs = declaredAs;
    this.magic = magic;
  }

  String id() {
    return id;
  }

  String mediaType() {
    return mediaType;
  }

  /** The file name extension of a download. */
  String extension() {
    return this == JPEG ? "jpg" : id;
  }

  /** The type the content is, by its first bytes. */
  static Optional<EvidenceType> of(byte[] content) {
    return Arrays.stream(values())
        .filter(t -> content.length >= t.magic.length && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length))
        .findFirst();
  }

  static Optional<EvidenceType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** Whether the declared content type (parameters ignored) agrees with this content, or claims nothing. */
  boolean agreesWith(String declared) {
    String type = declared == null ? "" : declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return UNDECLARED.contains(type) || declaredAs.contains(type);
  }
}
