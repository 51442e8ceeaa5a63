package org.jiefen.documents.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * The line-oriented markup that document templates produce and the typesetter reads. One block
 * per line, chosen by the line's first characters:
 *
 * <pre>
 * # 标题                 title (bold, centred)
 * ## 一、标题            heading (bold)
 * 正文……                 paragraph with a two-character first-line indent
 * - 正文……               paragraph without indent
 * > 2026年11月25日        right-aligned line
 * ^ 文字                  centred line
 * %columns 2 5 3         relative column widths of the table that follows
 * |! 列一 | 列二          table header row (bold, repeated after a page break)
 * | 值一 | 值二           table row
 * @ 申请人： | 年 月 日    signature line: label, a rule to sign on, text after the rule
 * %space 1.5             vertical space in lines
 * %keep … %end            keep the lines between on one page (signatures, seal and date)
 * %page                  page break
 * %% 注释                 comment
 * </pre>
 *
 * Blank lines are ignored. In text, {@code \n} starts a new paragraph (in a cell, a new line),
 * {@code \|} is a literal bar, {@code \\} a backslash, and a backslash before any other character
 * takes that character literally, so a line starting with {@code \#} is a paragraph. Values from
 * the case file enter templates through {@link #escape}, so what a user typed can never become
 * markup.
 */
public final class Markup {

  private static final String LINE_START_SPECIALS = "#->^%|@\\";

  private Markup() {}

  /** Makes a value safe to place anywhere in a markup line; line breaks become {@code \n}. */
  public static String escape(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    String text = value.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (text.isEmpty()) {
      return "";
    }
    if (LINE_START_SPECIALS.indexOf(text.charAt(0)) >= 0 && text.charAt(0) != '\\') {
      out.append('\\');
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '|' -> out.append("\\|");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Parses markup into blocks. Unknown {@code %} directives are refused, so a typo in a template shows. */
  public static List<Block> parse(String markup) {
    List<Block> outer = new ArrayList<>();
    List<Block> blocks = outer;
    List<Integer> widths = null;
    List<Block.Row> rows = new ArrayList<>();
    int lineNo = 0;
    for (String raw : markup.split("\n", -1)) {
      lineNo++;
      String line = stripTrailing(raw.replace("\r", ""));
      String trimmed = line.stripLeading();
      if (trimmed.isEmpty() || trimmed.startsWith("%%")) {
        continue; // blank lines and comments (a template's loops leave many) end nothing
      }
      boolean tableRow = trimmed.startsWith("|");
      if (!tableRow && !rows.isEmpty()) {
        blocks.add(new Block.Table(widths, List.copyOf(rows)));
        rows.clear();
        widths = null;
      }
      if (tableRow) {
        boolean header = trimmed.startsWith("|!");
        rows.add(new Block.Row(cells(trimmed.substring(header ? 2 : 1)), header));
      } else if (trimmed.startsWith("##")) {
        blocks.add(new Block.Heading(text(trimmed.substring(2))));
      } else if (trimmed.startsWith("#")) {
        blocks.add(new Block.Title(text(trimmed.substring(1))));
      } else if (trimmed.startsWith(">")) {
        blocks.add(new Block.Aligned(text(trimmed.substring(1)), Block.Alignment.RIGHT));
      } else if (trimmed.startsWith("^")) {
        blocks.add(new Block.Aligned(text(trimmed.substring(1)), Block.Alignment.CENTER));
      } else if (trimmed.startsWith("-")) {
        paragraphs(text(trimmed.substring(1)), false, blocks);
      } else if (trimmed.startsWith("@")) {
        List<String> parts = cells(trimmed.substring(1));
        blocks.add(new Block.Signature(parts.isEmpty() ? "" : parts.get(0), parts.size() > 1 ? parts.get(1) : ""));
      } else if (trimmed.startsWith("%")) {
        String[] words = trimmed.substring(1).strip().split("\\s+");
        switch (words[0]) {
          case "page" -> blocks.add(new Block.PageBreak());
          case "space" -> blocks.add(new Block.Space(words.length > 1 ? number(words[1], lineNo) : 1f));
          case "columns" -> widths = columns(words, lineNo);
          case "keep" -> {
            if (blocks != outer) {
              throw new IllegalArgumentException("line " + lineNo + ": %keep inside %keep");
            }
            blocks = new ArrayList<>();
          }
          case "end" -> {
            if (blocks == outer) {
              throw new IllegalArgumentException("line " + lineNo + ": %end without %keep");
            }
            outer.add(new Block.Keep(List.copyOf(blocks)));
            blocks = outer;
          }
          default -> throw new IllegalArgumentException("line " + lineNo + ": unknown directive %" + words[0]);
        }
      } else {
        paragraphs(text(trimmed), true, blocks);
      }
    }
    if (!rows.isEmpty()) {
      blocks.add(new Block.Table(widths, List.copyOf(rows)));
    }
    if (blocks != outer) {
      throw new IllegalArgumentException("%keep without %end");
    }
    return outer;
  }

  private static void paragraphs(String text, boolean indent, List<Block> blocks) {
    for (String part : text.split("\n")) {
      if (!part.isBlank()) {
        blocks.add(new Block.Paragraph(part.strip(), indent));
      }
    }
  }

  /** Unescapes the text of a line: {@code \n} becomes a line break, {@code \x} becomes x. */
  static String text(String escaped) {
    String s = escaped.strip();
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Splits at bars that are not escaped; a trailing bar closes the row and adds no cell. */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length()) {
        cell.append(c).append(row.charAt(++i));
      } else if (c == '|') {
        cells.add(text(cell.toString()));
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank() || cells.isEmpty()) {
      cells.add(text(cell.toString()));
    }
    return cells;
  }

  private static List<Integer> columns(String[] words, int lineNo) {
    List<Integer> widths = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      widths.add(Math.round(number(words[i], lineNo)));
    }
    if (widths.isEmpty() || widths.stream().anyMatch(w -> w <= 0)) {
      throw new IllegalArgumentException("line " + lineNo + ": %columns needs positive widths");
    }
    return List.copyOf(widths);
  }

  private static float number(String word, int lineNo) {
    try {
      return Float.parseFloat(word);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + lineNo + ": not a number: " + word);
    }
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }
}
