package org.jiefen.documents;

import java.util.HexFormat;
import org.jiefen.documents.layout.PdfRenderer;
import org.jiefen.pii.PiiProtector;

/**
 * Case file to PDF: the model, the type's template, the layout engine. Pure: no clock, no store,
 * no randomness, so one input (and one wording of the clauses) gives one sequence of bytes.
 */
public final class DocumentRenderer {

  private final DocumentTemplates templates;
  private final PdfRenderer pdf;
  private final PiiProtector pii;
  private final CoverRetention retention;
  private final DocumentClauses clauses;

  public DocumentRenderer(DocumentTemplates templates, PdfRenderer pdf, PiiProtector pii, String retention) {
    this(templates, pdf, pii, retention, DocumentClauses.DEFAULTS);
  }

  /** @param clauses the current wording of the adaptable clauses ({@link DocumentClause}) */
  public DocumentRenderer(DocumentTemplates templates, PdfRenderer pdf, PiiProtector pii, String retention,
      DocumentClauses clauses) {
    this(templates, pdf, pii, file -> retention, clauses);
  }

  /** @param retention what the cover prints as 保管期限 for a case file (the retention schedule's period) */
  public DocumentRenderer(DocumentTemplates templates, PdfRenderer pdf, PiiProtector pii, CoverRetention retention,
      DocumentClauses clauses) {
    this.templates = templates;
    this.pdf = pdf;
    this.pii = pii;
    this.retention = retention;
    this.clauses = clauses;
  }

  public RenderedDocument render(DocumentType type, DocumentInput input) {
    return render(type, input, clauses);
  }

  /**
   * A document of {@code type} for an invented case (masked numbers only, nothing from a real case
   * file), with {@code draft} as the wording of one clause: what an administrator sees before
   * saving it. Nothing is stored.
   */
  public RenderedDocument preview(DocumentType type, DocumentClause clause, String draft) {
    DocumentClauses with = c -> c == clause ? draft : clauses.text(c);
    return render(type, SampleDocument.input(type), with);
  }

  /** Whether the operators replaced the type's template by a file (which may not place the clauses). */
  public boolean templateReplaced(DocumentType type) {
    return templates.replaced(type);
  }

  private RenderedDocument render(DocumentType type, DocumentInput input, DocumentClauses wording) {
    String kept = type == DocumentType.CASE_FILE_COVER ? retention.text(input.file()) : "";
    DocumentModel.Built model = DocumentModel.build(type, input, pii, kept, wording);
    String markup = templates.render(type, model.variables());
    String number = type.number(input.file().id());
    PdfRenderer.Rendered rendered = pdf.render(markup,
        new PdfRenderer.Meta(type.title(), number, input.file().id(), input.file().queryCode(), model.date()));
    return new RenderedDocument(type, type.title(), number, rendered.pdf(), rendered.pages(), sha256(rendered.pdf()));
  }

  /**
   * Markup typeset as a PDF/A-2b document of the case with the given title and document number
   * (for pages the templates do not make, such as the archive bundle's index).
   */
  public PdfRenderer.Rendered renderMarkup(String markup, String title, String number, DocumentInput input,
      java.time.ZonedDateTime date) {
    return pdf.render(markup, new PdfRenderer.Meta(title, number, input.file().id(), input.file().queryCode(), date));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
