package org.jiefen.texts;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the archive keeps a closed case: whole years and months (ISO-8601, {@code P10Y},
 * {@code P2Y6M}) between one and a hundred years, or {@link #PERMANENT} (永久).
 */
public record RetentionPeriod(Period period) {

  public static final String PERMANENT_TEXT = "PERMANENT";
  public static final RetentionPeriod PERMANENT = new RetentionPeriod(null);
  static final String RULE = "must be an ISO-8601 period of whole years and months between P1Y and P100Y (e.g. P10Y),"
      + " or PERMANENT";

  private static final Pattern YEARS_MONTHS = Pattern.compile("P(?:(\\d{1,3})Y)?(?:(\\d{1,4})M)?");

  /** @throws IllegalArgumentException with {@link #RULE} when the text is not a period the schedule takes */
  public static RetentionPeriod parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    if (t.equals(PERMANENT_TEXT)) {
      return PERMANENT;
    }
    Matcher m = YEARS_MONTHS.matcher(t);
    if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
      throw new IllegalArgumentException(RULE);
    }
    int years = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    int months = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    long total = years * 12L + months;
    if (total < 12 || total > 1200) {
      throw new IllegalArgumentException(RULE);
    }
    return new RetentionPeriod(Period.of(years, months, 0).normalized());
  }

  public boolean permanent() {
    return period == null;
  }

  /** {@code P10Y}, {@code P2Y6M} or {@code PERMANENT}. */
  public String text() {
    return permanent() ? PERMANENT_TEXT : period.toString();
  }

  /** The last day the file must be kept, counted from the day the case closed; empty when permanent. */
  public Optional<LocalDate> keepUntil(LocalDate closed) {
    return permanent() ? Optional.empty() : Optional.of(closed.plus(period));
  }

  @Override
  public String toString() {
    return text();
  }
}
