package org.jiefen.documents;

import java.util.HexFormat;
import org.jiefen.documents.layout.PdfRenderer;
import org.jiefen.pii.PiiProtector;

/**
 * Case file to PDF: the model, the type's template, the layout engine. Pure: no clock, no store,
 * no randomness, so one input gives one sequence of bytes.
 */
public final class DocumentRenderer {

  private final DocumentTemplates templates;
  private final PdfRenderer pdf;
  private final PiiProtector pii;
  private final String retention;

  public DocumentRenderer(DocumentTemplates templates, PdfRenderer pdf, PiiProtector pii, String retention) {
    this.templates = templates;
    this.pdf = pdf;
    this.pii = pii;
    this.retention = retention;
  }

  public RenderedDocument render(DocumentType type, DocumentInput input) {
    DocumentModel.Built model = DocumentModel.build(type, input, pii, retention);
    String markup = templates.render(type, model.variables());
    String number = type.number(input.file().id());
    PdfRenderer.Rendered rendered = pdf.render(markup,
        new PdfRenderer.Meta(type.title(), number, input.file().id(), input.file().queryCode(), model.date()));
    return new RenderedDocument(type, type.title(), number, rendered.pdf(), rendered.pages(), sha256(rendered.pdf()));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
