package org.jiefen.documents.layout;

import java.util.List;

/** One element of a document as the markup describes it; the typesetter places blocks on pages. */
public sealed interface Block {

  /** The document's title: bold, large, centred. */
  record Title(String text) implements Block {}

  /** A section heading: bold, indented like a paragraph. */
  record Heading(String text) implements Block {}

  /** Running text; {@code indent} is the two-character first-line indent of Chinese prose. */
  record Paragraph(String text, boolean indent) implements Block {}

  /** A line set to the right (dates, numbers) or centred. */
  record Aligned(String text, Alignment alignment) implements Block {}

  /** Rows of cells with borders; {@code widths} are relative column widths, header rows repeat after a page break. */
  record Table(List<Integer> widths, List<Row> rows) implements Block {}

  /** A table row; cells wrap inside their column. */
  record Row(List<String> cells, boolean header) {}

  /** A signature line: a label, a rule to sign on, and optional text after it (a date). */
  record Signature(String label, String after) implements Block {}

  /** Vertical space, in lines. */
  record Space(float lines) implements Block {}

  /** Blocks kept on one page: they start a new page rather than break (signatures with the seal and date). */
  record Keep(List<Block> blocks) implements Block {}

  /** Continue on a new page. */
  record PageBreak() implements Block {}

  enum Alignment {
    RIGHT,
    CENTER
  }
}
