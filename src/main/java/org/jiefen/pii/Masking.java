package org.jiefen.pii;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks ID card and mobile numbers inside free text: log lines, mail bodies, case descriptions.
 *
 * <p>Matching is by shape, not by checksum: a mistyped ID number is still personal data. The
 * date part must look like a date so that other 18-digit numbers (order numbers, engine keys)
 * stay readable in logs.
 */
public final class Masking {

  private static final Pattern ID_NUMBER =
      Pattern.compile(
          "(?<!\\d)([1-9]\\d{5})((?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01]))"
              + "(\\d{3}[0-9Xx])(?!\\d)");

  // Separators as people write them (138 1234 5678, 138-1234-5678); the country code is kept.
  private static final Pattern MOBILE =
      Pattern.compile("(?<!\\d)(\\+?86[ -]?)?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");

  private static final int SHORTEST = 11;

  private Masking() {}

  /** The text with every ID number as {@code 110105********1234} and mobile as {@code 138****5678}. */
  public static String maskText(String text) {
    if (text == null || !hasEnoughDigits(text)) {
      return text;
    }
    String masked = replace(ID_NUMBER, text, m -> m.group(1) + "********" + m.group(3));
    return replace(
        MOBILE,
        masked,
        m -> (m.group(1) == null ? "" : m.group(1)) + m.group(2) + "****" + m.group(4));
  }

  // Almost no log line holds 11 digits; counting is far cheaper than running two regexes on each.
  private static boolean hasEnoughDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++digits >= SHORTEST) {
        return true;
      }
    }
    return false;
  }

  private static String replace(
      Pattern pattern, String text, Function<Matcher, String> masker) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      m.appendReplacement(out, Matcher.quoteReplacement(masker.apply(m)));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
