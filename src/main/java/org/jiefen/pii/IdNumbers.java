package org.jiefen.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/** Mainland resident identity card numbers (GB 11643-1999). */
public final class IdNumbers {

  // Birth dates are calendar dates in China; judging "future" by the server's zone could be off by a day.
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARS = "10X98765432";

  private IdNumbers() {}

  /** Validates and normalises (trimmed, spaces removed, check character upper case). */
  public static PiiCheck check(String raw) {
    return check(raw, LocalDate.now(CHINA));
  }

  static PiiCheck check(String raw, LocalDate today) {
    if (raw == null || raw.isBlank()) {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_BLANK);
    }
    // Clerks copy numbers from scans and paper forms, which group the digits with spaces.
    String id = raw.replace(" ", "").replace("\u3000", "").strip().toUpperCase(Locale.ROOT);
    if (id.length() != 18) {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_LENGTH);
    }
    for (int i = 0; i < 17; i++) {
      if (!isAsciiDigit(id.charAt(i))) {
        return PiiCheck.invalid(PiiReason.ID_NUMBER_FORMAT);
      }
    }
    char last = id.charAt(17);
    if (!isAsciiDigit(last) && last != 'X') {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_FORMAT);
    }
    if (id.charAt(0) == '0') {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_ADDRESS_CODE);
    }
    if (!plausibleBirthDate(id.substring(6, 14), today)) {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_BIRTH_DATE);
    }
    if (checkChar(id.substring(0, 17)) != last) {
      return PiiCheck.invalid(PiiReason.ID_NUMBER_CHECK_DIGIT);
    }
    return PiiCheck.valid(id);
  }

  /** The normalised number, or {@link InvalidPiiException}. */
  public static String normalise(String raw) {
    return check(raw).orThrow();
  }

  /** {@code 110105********1234}: region and last four stay readable so clerks can confirm a party. */
  public static String mask(String normalised) {
    if (normalised == null || normalised.length() != 18) {
      throw new IllegalArgumentException("mask expects a normalised 18-character ID number");
    }
    return normalised.substring(0, 6) + "********" + normalised.substring(14);
  }

  /** ISO 7064 MOD 11-2 check character of the first 17 digits. */
  static char checkChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARS.charAt(sum % 11);
  }

  private static boolean plausibleBirthDate(String yyyyMMdd, LocalDate today) {
    int year = Integer.parseInt(yyyyMMdd.substring(0, 4));
    int month = Integer.parseInt(yyyyMMdd.substring(4, 6));
    int day = Integer.parseInt(yyyyMMdd.substring(6, 8));
    if (year < 1900) {
      return false;
    }
    try {
      return !LocalDate.of(year, month, day).isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
