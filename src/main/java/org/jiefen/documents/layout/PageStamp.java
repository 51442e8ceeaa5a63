package org.jiefen.documents.layout;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** The header and footer every page carries, drawn once the page count is known. */
final class PageStamp {

  private final PageGeometry g;
  private final FontFace face;
  private final String left;
  private final String right;

  PageStamp(PageGeometry geometry, FontFace face, PdfRenderer.Meta meta) {
    this.g = geometry;
    this.face = face;
    this.left = "文书编号：" + meta.documentNumber();
    this.right = "案件编号：" + meta.caseNumber()
        + (meta.queryCode() == null || meta.queryCode().isBlank() ? "" : "　查询码：" + meta.queryCode());
  }

  /** The characters the stamps of a document with this many pages use. */
  java.util.Set<Integer> codePoints(int pages) {
    java.util.Set<Integer> chars = new java.util.HashSet<>();
    (left + right + "第 页共" + "0123456789").codePoints().forEach(chars::add);
    return chars;
  }

  void draw(PDPageContentStream out, PDType0Font font, int page, int pages) throws IOException {
    float headerY = g.height() - 22 * PageGeometry.MM;
    float size = PageGeometry.HEADER_SIZE;
    text(out, font, size, g.left(), headerY, left);
    text(out, font, size, g.left() + g.textWidth() - width(right, size), headerY, right);
    out.setLineWidth(0.5f);
    out.moveTo(g.left(), headerY - 4);
    out.lineTo(g.left() + g.textWidth(), headerY - 4);
    out.stroke();

    String footer = "第 " + page + " 页 共 " + pages + " 页";
    float footerSize = PageGeometry.FOOTER_SIZE;
    text(out, font, footerSize, g.left() + (g.textWidth() - width(footer, footerSize)) / 2, 20 * PageGeometry.MM, footer);
  }

  private float width(String text, float size) {
    return LineBreaker.width(text, face::width) * size / 1000f;
  }

  private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text)
      throws IOException {
    if (text.isEmpty()) {
      return;
    }
    out.beginText();
    out.setFont(font, size);
    out.setCharacterSpacing(0);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }
}
