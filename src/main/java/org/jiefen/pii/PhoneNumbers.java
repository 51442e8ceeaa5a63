package org.jiefen.pii;

/** Mainland mobile numbers. Landlines are out of scope: SMS notices need a mobile. */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /** Validates and normalises to the bare 11 digits; accepts +86/86, spaces and dashes. */
  public static PiiCheck check(String raw) {
    if (raw == null || raw.isBlank()) {
      return PiiCheck.invalid(PiiReason.PHONE_BLANK);
    }
    StringBuilder digits = new StringBuilder(16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && digits.isEmpty()) {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '\u3000') {
        return PiiCheck.invalid(PiiReason.PHONE_FORMAT);
      }
    }
    String number = digits.toString();
    if (number.startsWith("+86")) {
      number = number.substring(3);
    } else if (number.length() == 13 && number.startsWith("86")) {
      number = number.substring(2);
    }
    if (number.length() != 11
        || number.charAt(0) != '1'
        || number.charAt(1) < '3'
        || number.charAt(1) > '9'
        || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return PiiCheck.invalid(PiiReason.PHONE_FORMAT);
    }
    return PiiCheck.valid(number);
  }

  /** The normalised number, or {@link InvalidPiiException}. */
  public static String normalise(String raw) {
    return check(raw).orThrow();
  }

  /** {@code 138****5678}, the form Chinese banks and carriers use, so parties recognise it. */
  public static String mask(String normalised) {
    if (normalised == null || normalised.length() != 11) {
      throw new IllegalArgumentException("mask expects a normalised 11-digit mobile number");
    }
    return normalised.substring(0, 3) + "****" + normalised.substring(7);
  }
}
