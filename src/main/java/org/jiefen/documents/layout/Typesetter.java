package org.jiefen.documents.layout;

import static org.jiefen.documents.layout.PageGeometry.BODY_LEADING;
import static org.jiefen.documents.layout.PageGeometry.BODY_SIZE;
import static org.jiefen.documents.layout.PageGeometry.CELL_PADDING_X;
import static org.jiefen.documents.layout.PageGeometry.CELL_PADDING_Y;
import static org.jiefen.documents.layout.PageGeometry.TABLE_LEADING;
import static org.jiefen.documents.layout.PageGeometry.TABLE_SIZE;
import static org.jiefen.documents.layout.PageGeometry.TITLE_LEADING;
import static org.jiefen.documents.layout.PageGeometry.TITLE_SIZE;

import java.util.ArrayList;
import java.util.List;

/**
 * Places blocks on pages: lines broken by {@link LineBreaker}, justified except a paragraph's
 * last line, a new page whenever the next line, row or signature does not fit. Headings keep
 * with the two lines that follow them; a table row that does not fit moves to the next page
 * (behind a repeat of the header rows), and a row taller than a page is split between pages.
 */
final class Typesetter {

  private static final float INDENT = 2 * BODY_SIZE;
  /** Justification stops where it would open gaps wider than this share of the type size. */
  private static final float MAX_SPACING = 0.15f;

  private final PageGeometry g;
  private final DocumentFonts.Faces faces;
  private final List<PageContent> pages = new ArrayList<>();
  private PageContent page;
  private float y;

  Typesetter(PageGeometry geometry, DocumentFonts.Faces faces) {
    this.g = geometry;
    this.faces = faces;
    newPage();
  }

  List<PageContent> typeset(List<Block> blocks) {
    for (Block block : blocks) {
      switch (block) {
        case Block.Title t -> title(t.text());
        case Block.Heading h -> heading(h.text());
        case Block.Paragraph p -> paragraph(p.text(), p.indent());
        case Block.Aligned a -> aligned(a.text(), a.alignment());
        case Block.Table t -> table(t);
        case Block.Signature s -> signature(s.label(), s.after());
        case Block.Space s -> skip(s.lines() * BODY_LEADING);
        case Block.Keep k -> keep(k.blocks());
        case Block.PageBreak ignored -> {
          if (!page.isEmpty()) {
            newPage();
          }
        }
      }
    }
    return pages;
  }

  /** Starts a new page first when the group does not fit on this one but would on a fresh one. */
  private void keep(List<Block> group) {
    Typesetter probe = new Typesetter(g, faces);
    probe.typeset(group);
    if (probe.pages.size() == 1) {
      // at the top of a page the probe skipped the space a group opens with; allow for it
      float height = g.textTop() - probe.y + BODY_LEADING;
      ensure(height);
    }
    typeset(group);
  }

  private void title(String text) {
    var lines = lines(text, true, TITLE_SIZE, g.textWidth(), g.textWidth());
    ensure(TITLE_LEADING * lines.size());
    for (var line : lines) {
      text(g.left() + (g.textWidth() - line.width()) / 2, TITLE_LEADING, TITLE_SIZE, true, line.text(), 0);
    }
    space(BODY_LEADING * 0.5f);
  }

  private void heading(String text) {
    var lines = lines(text, true, BODY_SIZE, g.textWidth() - INDENT, g.textWidth());
    space(BODY_LEADING * 0.2f);
    ensure(BODY_LEADING * (lines.size() + 2)); // keep with what follows
    boolean first = true;
    for (var line : lines) {
      text(g.left() + (first ? INDENT : 0), BODY_LEADING, BODY_SIZE, true, line.text(), 0);
      first = false;
    }
  }

  private void paragraph(String text, boolean indent) {
    float firstWidth = g.textWidth() - (indent ? INDENT : 0);
    boolean first = true;
    for (var line : lines(text, false, BODY_SIZE, firstWidth, g.textWidth())) {
      float available = first ? firstWidth : g.textWidth();
      float x = g.left() + (first && indent ? INDENT : 0);
      ensure(BODY_LEADING);
      text(x, BODY_LEADING, BODY_SIZE, false, line.text(), justify(line, available, BODY_SIZE));
      first = false;
    }
  }

  private void aligned(String text, Block.Alignment alignment) {
    float inset = alignment == Block.Alignment.RIGHT ? INDENT : 0;
    for (var line : lines(text, false, BODY_SIZE, g.textWidth() - inset, g.textWidth() - inset)) {
      ensure(BODY_LEADING);
      float x = alignment == Block.Alignment.RIGHT
          ? g.left() + g.textWidth() - inset - line.width()
          : g.left() + (g.textWidth() - line.width()) / 2;
      text(x, BODY_LEADING, BODY_SIZE, false, line.text(), 0);
    }
  }

  /** Label, a rule to sign on, and the text after it (a date line), one and a half lines high. */
  private void signature(String label, String after) {
    float afterWidth = after.isEmpty() ? 0 : LineBreaker.width(clean(after, false), widths(false, BODY_SIZE));
    float labelRoom = g.textWidth() - INDENT - afterWidth - 90;
    var labelLines = lines(label, false, BODY_SIZE, labelRoom, labelRoom);
    ensure(BODY_LEADING * (labelLines.size() + 0.6f));
    space(BODY_LEADING * 0.6f);
    for (int i = 0; i < labelLines.size() - 1; i++) {
      text(g.left() + INDENT, BODY_LEADING, BODY_SIZE, false, labelLines.get(i).text(), 0);
    }
    var last = labelLines.isEmpty() ? new LineBreaker.Line("", 0, true) : labelLines.getLast();
    float baseline = baseline(y, BODY_LEADING, BODY_SIZE);
    page.add(new PageContent.Text(g.left() + INDENT, baseline, false, BODY_SIZE, last.text(), 0));
    float ruleStart = g.left() + INDENT + last.width() + 6;
    float ruleEnd = g.left() + g.textWidth() - afterWidth - (after.isEmpty() ? 0 : 10);
    page.add(new PageContent.Rule(ruleStart, baseline - 3, ruleEnd, baseline - 3));
    if (!after.isEmpty()) {
      page.add(new PageContent.Text(g.left() + g.textWidth() - afterWidth, baseline, false, BODY_SIZE, clean(after, false), 0));
    }
    y -= BODY_LEADING;
  }

  private void table(Block.Table table) {
    int columns = table.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    if (columns == 0) {
      return;
    }
    float[] xs = columnEdges(table.widths(), columns);
    List<Block.Row> headers = new ArrayList<>();
    boolean bodyStarted = false;
    for (Block.Row row : table.rows()) {
      if (row.header() && !bodyStarted) {
        headers.add(row);
      } else {
        bodyStarted = true;
      }
      List<List<LineBreaker.Line>> cells = cellLines(row, xs, columns);
      int tallest = cells.stream().mapToInt(List::size).max().orElse(1);
      float height = Math.max(1, tallest) * TABLE_LEADING + 2 * CELL_PADDING_Y;
      if (y - height < g.bottom() && !atTopOfPage()) {
        newPage();
        if (bodyStarted && !row.header()) {
          for (Block.Row header : headers) {
            drawRow(cellLines(header, xs, columns), xs, header.header());
          }
        }
      }
      drawRow(cells, xs, row.header());
    }
    space(BODY_LEADING * 0.3f);
  }

  /** Draws a row, continuing on further pages when it is taller than what is left of this one. */
  private void drawRow(List<List<LineBreaker.Line>> cells, float[] xs, boolean bold) {
    int from = 0;
    int tallest = Math.max(1, cells.stream().mapToInt(List::size).max().orElse(1));
    while (from < tallest) {
      int fit = (int) Math.floor((y - g.bottom() - 2 * CELL_PADDING_Y) / TABLE_LEADING);
      if (fit < 1) {
        newPage();
        continue;
      }
      int to = Math.min(tallest, from + fit);
      float height = (to - from) * TABLE_LEADING + 2 * CELL_PADDING_Y;
      for (int c = 0; c < cells.size(); c++) {
        List<LineBreaker.Line> lines = cells.get(c);
        float lineTop = y - CELL_PADDING_Y;
        for (int i = from; i < Math.min(to, lines.size()); i++) {
          float cellWidth = xs[c + 1] - xs[c] - 2 * CELL_PADDING_X;
          var line = lines.get(i);
          page.add(new PageContent.Text(xs[c] + CELL_PADDING_X, baseline(lineTop, TABLE_LEADING, TABLE_SIZE), bold,
              TABLE_SIZE, line.text(), justify(line, cellWidth, TABLE_SIZE)));
          lineTop -= TABLE_LEADING;
        }
      }
      float bottom = y - height;
      page.add(new PageContent.Rule(xs[0], y, xs[xs.length - 1], y));
      page.add(new PageContent.Rule(xs[0], bottom, xs[xs.length - 1], bottom));
      for (float x : xs) {
        page.add(new PageContent.Rule(x, y, x, bottom));
      }
      y = bottom;
      from = to;
    }
  }

  private List<List<LineBreaker.Line>> cellLines(Block.Row row, float[] xs, int columns) {
    List<List<LineBreaker.Line>> cells = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String text = c < row.cells().size() ? row.cells().get(c) : "";
      float width = xs[c + 1] - xs[c] - 2 * CELL_PADDING_X;
      cells.add(lines(text, row.header(), TABLE_SIZE, width, width));
    }
    return cells;
  }

  private float[] columnEdges(List<Integer> widths, int columns) {
    float[] weights = new float[columns];
    float total = 0;
    for (int c = 0; c < columns; c++) {
      weights[c] = widths != null && c < widths.size() ? widths.get(c) : 1;
      total += weights[c];
    }
    float[] xs = new float[columns + 1];
    xs[0] = g.left();
    for (int c = 0; c < columns; c++) {
      xs[c + 1] = xs[c] + g.textWidth() * weights[c] / total;
    }
    return xs;
  }

  private float justify(LineBreaker.Line line, float available, float size) {
    int gaps = line.text().codePointCount(0, line.text().length()) - 1;
    if (line.last() || gaps < 1) {
      return 0;
    }
    float spacing = (available - line.width()) / gaps;
    return spacing > 0 && spacing <= size * MAX_SPACING ? spacing : 0;
  }

  private List<LineBreaker.Line> lines(String text, boolean bold, float size, float firstWidth, float width) {
    return LineBreaker.lines(clean(text, bold), firstWidth, width, widths(bold, size));
  }

  private LineBreaker.Widths widths(boolean bold, float size) {
    FontFace face = faces.face(bold);
    return cp -> face.width(cp) * size / 1000f;
  }

  /** Drops control characters and stands in a visible box for characters the font lacks. */
  private String clean(String text, boolean bold) {
    FontFace face = faces.face(bold);
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (cp == '\t') {
        out.append(' ');
      } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
        // nothing: invisible and unprintable
      } else if (face.covers(cp)) {
        out.appendCodePoint(cp);
      } else {
        out.append(face.covers('□') ? '□' : '?');
      }
    });
    return out.toString();
  }

  private void text(float x, float leading, float size, boolean bold, String text, float spacing) {
    page.add(new PageContent.Text(x, baseline(y, leading, size), bold, size, text, spacing));
    y -= leading;
  }

  /** The baseline that centres a line of CJK type (ascent ~0.88 em) in a line box starting at {@code top}. */
  private static float baseline(float top, float leading, float size) {
    return top - (leading - size) / 2 - size * 0.88f;
  }

  private void ensure(float height) {
    if (y - height < g.bottom() && !atTopOfPage()) {
      newPage();
    }
  }

  private void space(float height) {
    if (!atTopOfPage()) {
      y -= height;
    }
  }

  /** Space asked for by the markup: also at the top of a page (a cover page starts lower). */
  private void skip(float height) {
    if (y - height < g.bottom()) {
      newPage();
    } else {
      y -= height;
    }
  }

  private boolean atTopOfPage() {
    return page.isEmpty();
  }

  private void newPage() {
    page = new PageContent();
    pages.add(page);
    y = g.textTop();
  }
}
