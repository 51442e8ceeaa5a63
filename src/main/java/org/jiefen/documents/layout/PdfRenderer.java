package org.jiefen.documents.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Markup in, PDF/A-2b out. The pages are typeset first; only then, with the page count known,
 * is each page drawn with its header (document number, case number, query code) and its footer
 * (第 x 页 共 y 页). Thread-safe: each call borrows its own pair of font faces.
 */
public final class PdfRenderer {

  /** What the document is, for its metadata and the header of every page. */
  public record Meta(String title, String documentNumber, String caseNumber, String queryCode, ZonedDateTime date) {}

  /** The PDF and its page count. */
  public record Rendered(byte[] pdf, int pages) {}

  private final DocumentFonts fonts;
  private final PageGeometry geometry = PageGeometry.a4();

  public PdfRenderer(DocumentFonts fonts) {
    this.fonts = fonts;
  }

  public Rendered render(String markup, Meta meta) {
    List<Block> blocks = Markup.parse(markup);
    DocumentFonts.Faces faces = fonts.borrow();
    try {
      List<PageContent> pages = new Typesetter(geometry, faces).typeset(blocks);
      return new Rendered(write(pages, faces, meta, id(markup, meta)), pages.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write document " + meta.title(), e);
    } finally {
      fonts.give(faces);
    }
  }

  private byte[] write(List<PageContent> pages, DocumentFonts.Faces faces, Meta meta, byte[] id) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PageStamp stamp = new PageStamp(geometry, faces.regular(), meta);
      Set<Integer> regularChars = new HashSet<>(stamp.codePoints(pages.size()));
      Set<Integer> boldChars = new HashSet<>();
      for (PageContent page : pages) {
        for (PageContent.Op op : page.ops()) {
          if (op instanceof PageContent.Text t) {
            t.text().codePoints().forEach((t.bold() ? boldChars : regularChars)::add);
          }
        }
      }
      PDType0Font regular = FontSubset.embed(doc, faces.regular(), regularChars);
      PDType0Font bold = boldChars.isEmpty() ? regular : FontSubset.embed(doc, faces.bold(), boldChars);
      for (int i = 0; i < pages.size(); i++) {
        PDPage page = new PDPage(new PDRectangle(geometry.width(), geometry.height()));
        doc.addPage(page);
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
          draw(out, pages.get(i), regular, bold);
          stamp.draw(out, regular, i + 1, pages.size());
        }
      }
      PdfMetadata.apply(doc, meta.title(), meta.date(), id);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
      doc.save(bytes);
      return bytes.toByteArray();
    }
  }

  private static void draw(PDPageContentStream out, PageContent page, PDType0Font regular, PDType0Font bold)
      throws IOException {
    out.setLineWidth(PageGeometry.RULE_WIDTH);
    for (PageContent.Op op : page.ops()) {
      switch (op) {
        case PageContent.Text t -> {
          if (t.text().isEmpty()) {
            continue;
          }
          out.beginText();
          out.setFont(t.bold() ? bold : regular, t.size());
          out.setCharacterSpacing(t.spacing());
          out.newLineAtOffset(t.x(), t.y());
          out.showText(t.text());
          out.endText();
        }
        case PageContent.Rule r -> {
          out.moveTo(r.x1(), r.y1());
          out.lineTo(r.x2(), r.y2());
          out.stroke();
        }
      }
    }
  }

  /** The trailer ID: a digest of everything the document is made of, so it changes when they do. */
  private static byte[] id(String markup, Meta meta) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(markup, meta.title(), meta.documentNumber(), meta.caseNumber(), meta.queryCode(),
          meta.date().toString())) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return Arrays.copyOf(sha.digest(), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
