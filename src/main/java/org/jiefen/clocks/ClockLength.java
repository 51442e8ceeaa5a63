package org.jiefen.clocks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A length of time as the law states it: {@code 15d} calendar days (日) or {@code 5wd} working
 * days (工作日).
 */
public record ClockLength(int amount, Unit unit) {

  /** Calendar days count every day; working days skip weekends and holidays and count adjusted working days. */
  public enum Unit {
    DAYS("d", "日"),
    WORKING_DAYS("wd", "个工作日");

    private final String suffix;
    private final String chinese;

    Unit(String suffix, String chinese) {
      this.suffix = suffix;
      this.chinese = chinese;
    }

    public String suffix() {
      return suffix;
    }
  }

  /** Ten years: any statutory clock fits, and arithmetic stays far from overflow. */
  public static final int MAX = 3660;

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})(wd|d)");

  public ClockLength {
    if (unit == null || amount < 0 || amount > MAX) {
      throw new IllegalArgumentException("a length is 0 to " + MAX + " days or working days");
    }
  }

  /** {@code 15d} or {@code 5wd}, at least one day. */
  public static ClockLength parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a length: write a number of days, 15d (calendar days) or 5wd (working days)");
    }
    int amount = Integer.parseInt(m.group(1));
    if (amount < 1 || amount > MAX) {
      throw new IllegalArgumentException("'" + text + "' is not a length: from 1 to " + MAX + " days");
    }
    return new ClockLength(amount, "wd".equals(m.group(2)) ? Unit.WORKING_DAYS : Unit.DAYS);
  }

  public static ClockLength days(int amount) {
    return new ClockLength(amount, Unit.DAYS);
  }

  public static ClockLength workingDays(int amount) {
    return new ClockLength(amount, Unit.WORKING_DAYS);
  }

  /** The sum of two lengths of the same unit. */
  public ClockLength plus(ClockLength other) {
    if (other.unit != unit) {
      throw new IllegalArgumentException("cannot add " + other + " to " + this);
    }
    return new ClockLength(amount + other.amount, unit);
  }

  /** As users read it: 15日, 5个工作日. */
  public String chinese() {
    return amount + unit.chinese;
  }

  @Override
  public String toString() {
    return amount + unit.suffix;
  }
}
