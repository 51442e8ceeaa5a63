package org.jiefen.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.jiefen.cases.CaseEvidence;
import org.jiefen.cases.CaseEvidenceFiles;
import org.jiefen.cases.CaseFile;
import org.jiefen.documents.DocumentStore;
import org.jiefen.pii.Masking;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.jiefen.web.FileProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Attaches evidence to a case and hands it out, for users whose scope holds the case. A file is
 * accepted by its content alone (PDF, JPEG, PNG); a declared content type that says otherwise is
 * refused too. The bytes go encrypted into the document store; the same bytes are listed once.
 * Callers audit, as the controllers of the other features do.
 */
@Service
public class EvidenceService {

  /** Staff who work cases; administrators and the court and police liaisons only read them. */
  static final List<Role> UPLOADERS = List.of(Role.INTAKE_CLERK, Role.MEDIATOR, Role.PETITION_CLERK, Role.SUPERVISOR);

  static final int DESCRIPTION_MAX = 200;
  static final int LABEL_MAX = 100;

  /** An upload as it arrives: bytes, the declared content type, the original name, the description. */
  public record Upload(byte[] content, String declaredType, String fileName, String description) {

    /** The upload of a multipart request; no file part is an upload without content. */
    public static Upload of(org.springframework.web.multipart.MultipartFile file, String description) {
      try {
        return file == null
            ? new Upload(null, null, null, description)
            : new Upload(file.getBytes(), file.getContentType(), file.getOriginalFilename(), description);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the upload", e);
      }
    }
  }

  /** A stored file, its listing and the content type it is served as. */
  public record Download(CaseEvidence evidence, byte[] content, String mediaType, String fileName) {}

  private final CaseEvidenceFiles cases;
  private final DocumentStore store;
  private final Clock clock;
  private final long maxBytes;

  EvidenceService(CaseEvidenceFiles cases, DocumentStore store, Clock clock,
      @Value("${jiefen.evidence.max-size:5MB}") DataSize maxSize) {
    this.cases = cases;
    this.store = store;
    this.clock = clock;
    this.maxBytes = maxSize.toBytes();
  }

  public static boolean mayUpload(AppUser user) {
    return UPLOADERS.stream().anyMatch(user::has);
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Checks, stores and lists the upload. Out of scope: 404; a role that does not work cases: 403;
   * a closed case: 409; bad input: a {@link FileProblem} naming {@code file} or {@code description}.
   */
  public CaseEvidenceFiles.Recorded add(String caseId, Upload upload, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    if (!mayUpload(user)) {
      throw new AccessDeniedException("role may not add evidence");
    }
    CaseEvidenceFiles.requireOpen(file);
    EvidenceType type = check(upload);
    String description = description(upload.description());
    String sha256 = sha256(upload.content());
    store.put(sha256, upload.content());
    CaseEvidence evidence = new CaseEvidence(sha256, type.id(), upload.content().length, label(upload.fileName(), type),
        description, clock.instant(), user.username());
    return cases.record(caseId, evidence);
  }

  public List<CaseEvidence> list(String caseId, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    return file.evidence() == null ? List.of() : file.evidence();
  }

  public Download download(String caseId, String sha256, AppUser user) {
    CaseFile file = cases.visibleTo(caseId, user);
    CaseEvidence evidence = (file.evidence() == null ? List.<CaseEvidence>of() : file.evidence()).stream()
        .filter(e -> e.sha256().equals(sha256))
        .findFirst()
        .orElseThrow(() -> new NotFoundProblem("no evidence " + sha256 + " in case " + caseId));
    byte[] content = store.get(sha256).orElseThrow(() -> new NotFoundProblem("evidence " + sha256 + " is not stored"));
    EvidenceType type = EvidenceType.of(content).orElseThrow(() -> new IllegalStateException("stored evidence " + sha256
        + " is no accepted type"));
    return new Download(evidence, content, type.mediaType(), downloadName(evidence.label(), type));
  }

  private EvidenceType check(Upload upload) {
    byte[] content = upload.content();
    if (content == null || content.length == 0) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "file", "empty", "is required and must not be empty");
    }
    if (content.length > maxBytes) {
      throw new FileProblem(HttpStatus.PAYLOAD_TOO_LARGE, "file", "size", "is larger than " + maxBytes + " bytes");
    }
    EvidenceType type = EvidenceType.of(content).orElseThrow(() -> new FileProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file", "type", "must be a PDF, JPEG or PNG file (judged by its content)"));
    if (!type.agreesWith(upload.declaredType())) {
      throw new FileProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file", "mismatch",
          "its declared content type does not match its content (" + type.id() + ")");
    }
    return type;
  }

  private static String description(String raw) {
    String text = raw == null ? "" : clean(raw);
    if (text.isEmpty()) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "description", "required", "is required");
    }
    if (text.codePointCount(0, text.length()) > DESCRIPTION_MAX) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "description", "long", "must be at most " + DESCRIPTION_MAX + " characters");
    }
    // numbers typed into free text are masked at the door, as in a case's description
    return Masking.maskText(text);
  }

  /** The original name as a display label: no path, no control characters, at most 100 characters. */
  static String label(String fileName, EvidenceType type) {
    String name = fileName == null ? "" : fileName;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = clean(name).replaceAll("[\"<>]", "");
    if (name.codePointCount(0, name.length()) > LABEL_MAX) {
      name = name.substring(0, name.offsetByCodePoints(0, LABEL_MAX));
    }
    name = Masking.maskText(name).strip();
    return name.isEmpty() || name.matches("\\.+") ? type.id() : name;
  }

  /** Control and line-break characters (CR, LF, NUL, escapes, bidi overrides) become spaces; runs of space one. */
  private static String clean(String text) {
    return text.replaceAll("[\\p{Cc}\\p{Cf}\\u2028\\u2029]", " ").replaceAll("\\s+", " ").strip();
  }

  /** The label with the content's extension, whatever the upload was called: a PDF named .html is saved as .pdf. */
  private static String downloadName(String label, EvidenceType type) {
    int dot = label.lastIndexOf('.');
    String base = dot > 0 ? label.substring(0, dot) : label;
    return base + "." + type.extension();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
