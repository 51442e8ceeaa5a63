package org.jiefen.pii;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Personal names as keyed hashes compare them: compatibility-normalised (full-width letters and
 * digits become half-width), without any white space (including the ideographic space), lower-case.
 * 李 娜, 李娜 and 李　娜 are the same name; 李娜 and 李纳 are not.
 */
public final class PersonNames {

  private PersonNames() {}

  /** The normalised name; empty when nothing but white space was given. */
  public static String normalise(String name) {
    if (name == null) {
      return "";
    }
    String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints()
        .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
        .forEach(out::appendCodePoint);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The names a display name may stand for: the whole of it, and each part separated by white
   * space. Staff display names here read "<office> <name>" (区信访局 李娜), so the person's own
   * name is a part of it; the office part is a name too, which lets a report that accuses an
   * office keep it away from everyone whose display name carries that office.
   */
  public static Set<String> candidates(String displayName) {
    Set<String> names = new LinkedHashSet<>();
    if (displayName == null) {
      return names;
    }
    String whole = normalise(displayName);
    if (!whole.isEmpty()) {
      names.add(whole);
    }
    for (String part : Normalizer.normalize(displayName, Normalizer.Form.NFKC).split("[\\s\\p{Z}]+")) {
      String p = normalise(part);
      if (!p.isEmpty()) {
        names.add(p);
      }
    }
    return names;
  }
}
