package org.jiefen.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;

/**
 * The clauses of documents that administrators may adapt (the agreement's closing provisions, the
 * remedies a termination notice lists, the undertakings of the court application): plain text, one
 * paragraph per line, placed by the type's template as {@code clauses['<id>']}. The shipped wording
 * is in {@code documents/templates/clauses.properties}; everything else a document says stays in the
 * template, so no edit can break a layout or drop what the law requires a document to state.
 */
public enum DocumentClause {
  AGREEMENT_OTHER_MATTERS("agreement-other-matters", DocumentType.MEDIATION_AGREEMENT),
  TERMINATION_REMEDIES("termination-remedies", DocumentType.MEDIATION_TERMINATION),
  CONFIRMATION_UNDERTAKINGS("confirmation-undertakings", DocumentType.CONFIRMATION_APPLICATION);

  /** Longest clause, in characters, and most lines: a clause is a paragraph or a short list, not a page. */
  public static final int MAX_LENGTH = 1000;
  public static final int MAX_LINES = 12;

  static final String DEFAULTS = DocumentTemplates.CLASSPATH + "clauses.properties";
  private static final Properties SHIPPED = load();

  private final String id;
  private final DocumentType type;

  DocumentClause(String id, DocumentType type) {
    this.id = id;
    this.type = type;
  }

  public String id() {
    return id;
  }

  /** The document the clause appears in. */
  public DocumentType type() {
    return type;
  }

  /** The wording shipped with the application. */
  public String defaultText() {
    return SHIPPED.getProperty(id);
  }

  public static Optional<DocumentClause> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = DocumentClause.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException("missing " + DEFAULTS);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (DocumentClause clause : values()) {
      if (p.getProperty(clause.id) == null || p.getProperty(clause.id).isBlank()) {
        throw new IllegalStateException(DEFAULTS + " has no text for " + clause.id);
      }
    }
    return p;
  }
}
