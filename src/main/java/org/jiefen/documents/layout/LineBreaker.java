package org.jiefen.documents.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese (and mixed) text into lines of a given width. Chinese text may break between
 * any two characters, Latin words and numbers only at spaces (or, when longer than a line,
 * anywhere). The rules of 避头尾: closing punctuation (，。、；：？！）》」』” …) never starts a line
 * and opening punctuation (（《「『“ …) never ends one; a character that would break a rule takes
 * its neighbour with it to the next line, and the typesetter spreads the gap over the line.
 */
public final class LineBreaker {

  /** Characters that may not start a line. */
  static final String NO_START = "，。、；：？！）》」』”’】〕〉〗｝］…‥—―～·・%‰℃,.;:?!)]}>｡､ーヽヾゝゞ々〃";

  /** Characters that may not end a line. */
  static final String NO_END = "（《「『“‘【〔〈〖｛［([{<";

  /** Advance width of a code point in the units the line widths are given in. */
  @FunctionalInterface
  public interface Widths {
    float of(int codePoint);
  }

  /**
   * A line of text and its width without trailing spaces; {@code last} is the last line of a
   * paragraph (or before a forced break), which is not justified.
   */
  public record Line(String text, float width, boolean last) {}

  private LineBreaker() {}

  public static boolean mayStart(int codePoint) {
    return NO_START.indexOf(codePoint) < 0;
  }

  public static boolean mayEnd(int codePoint) {
    return NO_END.indexOf(codePoint) < 0;
  }

  /**
   * Breaks {@code text}; the first line may be narrower (an indent). A {@code '\n'} forces a
   * break. Empty text gives no lines.
   */
  public static List<Line> lines(String text, float firstWidth, float width, Widths widths) {
    List<Line> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String segment : text.split("\n", -1)) {
      fill(clusters(segment), firstWidth, width, widths, out);
      firstWidth = width;
    }
    return out;
  }

  /**
   * Unbreakable pieces: a single ideographic character or a Latin word, with the punctuation that
   * may not be separated from it glued on; {@code " "} stands for a breakable space.
   */
  static List<String> clusters(String text) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == ' ') {
        while (i < text.length() && text.charAt(i) == ' ') {
          i++;
        }
        units.add(" ");
      } else if (ideographic(cp)) {
        units.add(text.substring(i, i + len));
        i += len;
      } else {
        int start = i;
        while (i < text.length()) {
          int c = text.codePointAt(i);
          if (c == ' ' || ideographic(c)) {
            break;
          }
          i += Character.charCount(c);
        }
        units.add(text.substring(start, i));
      }
    }
    List<String> clusters = new ArrayList<>();
    boolean glueNext = false;
    for (String unit : units) {
      boolean space = unit.equals(" ");
      int first = unit.codePointAt(0);
      int last = unit.codePointBefore(unit.length());
      int previous = clusters.size() - 1;
      if (space && glueNext && previous >= 0) {
        // "《 " : no break after an opening mark, not even at a space
        clusters.set(previous, clusters.get(previous) + " ");
        continue;
      }
      if (!space && !mayStart(first) && previous >= 1 && clusters.get(previous).equals(" ")) {
        // "word ," : the mark stays with the word before the space
        clusters.remove(previous);
        previous--;
        clusters.set(previous, clusters.get(previous) + " " + unit);
        glueNext = !mayEnd(last);
        continue;
      }
      boolean joinPrevious =
          !space && previous >= 0 && !clusters.get(previous).equals(" ") && (glueNext || !mayStart(first));
      if (joinPrevious) {
        clusters.set(previous, clusters.get(previous) + unit);
      } else {
        clusters.add(unit);
      }
      glueNext = !space && !mayEnd(last);
    }
    return clusters;
  }

  private static void fill(List<String> clusters, float firstWidth, float width, Widths widths, List<Line> out) {
    StringBuilder line = new StringBuilder();
    float used = 0;
    float pendingSpace = 0;
    float available = firstWidth;
    for (String cluster : clusters) {
      if (cluster.equals(" ")) {
        if (line.length() > 0) {
          pendingSpace = widths.of(' ');
        }
        continue;
      }
      float w = width(cluster, widths);
      if (line.length() > 0 && used + pendingSpace + w > available + 0.01f) {
        out.add(new Line(line.toString(), used, false));
        line.setLength(0);
        used = 0;
        available = width;
        pendingSpace = 0;
      }
      if (line.length() == 0 && w > available + 0.01f) {
        // longer than a whole line (a long number, a URL, a run of marks): cut where it must, still
        // keeping closing marks up (they hang into the margin) and opening marks down
        for (int i = 0; i < cluster.length(); ) {
          int cp = cluster.codePointAt(i);
          float cw = widths.of(cp);
          i += Character.charCount(cp);
          boolean onlyOpeningMarks = line.codePoints().noneMatch(LineBreaker::mayEnd);
          if (line.length() > 0 && used + cw > available + 0.01f && mayStart(cp) && !onlyOpeningMarks) {
            StringBuilder carry = new StringBuilder();
            while (!mayEnd(line.codePointBefore(line.length()))) {
              int last = line.codePointBefore(line.length());
              carry.insert(0, Character.toChars(last));
              line.setLength(line.length() - Character.charCount(last));
            }
            out.add(new Line(line.toString(), width(line.toString(), widths), false));
            line.setLength(0);
            line.append(carry);
            used = width(carry.toString(), widths);
            available = width;
          }
          line.appendCodePoint(cp);
          used += cw;
        }
        continue;
      }
      if (pendingSpace > 0 && line.length() > 0) {
        line.append(' ');
        used += pendingSpace;
      }
      pendingSpace = 0;
      line.append(cluster);
      used += w;
    }
    out.add(new Line(line.toString(), used, true));
  }

  static float width(String text, Widths widths) {
    float w = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      w += widths.of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /** Characters that stand alone for breaking: Han and kana, CJK and full-width punctuation, quotes and dashes. */
  static boolean ideographic(int cp) {
    if (cp >= 0x2010 && cp <= 0x206F) {
      return true; // general punctuation: “ ” ‘ ’ — … used in Chinese text
    }
    if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || cp == 0x00B7;
  }
}
