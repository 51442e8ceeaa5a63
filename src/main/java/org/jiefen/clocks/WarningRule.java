package org.jiefen.clocks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a clock turns yellow: a length before it falls due ({@code 3wd}, {@code 2d}: the last three
 * working days, the last two days), or a fraction of its configured length ({@code 1/5} of 60 days
 * is the last 12 days), rounded up to whole days of the clock's own unit.
 */
public sealed interface WarningRule {

  record Before(ClockLength length) implements WarningRule {
    @Override
    public String toString() {
      return length.toString();
    }
  }

  record Fraction(int numerator, int denominator) implements WarningRule {
    public Fraction {
      if (numerator < 1 || denominator < 2 || numerator >= denominator) {
        throw new IllegalArgumentException("a warning fraction is between 0 and 1, e.g. 1/5");
      }
    }

    /** The part of {@code length} the fraction gives, rounded up, at least one day. */
    public ClockLength of(ClockLength length) {
      int days = (int) Math.max(1, Math.ceilDiv((long) length.amount() * numerator, denominator));
      return new ClockLength(days, length.unit());
    }

    @Override
    public String toString() {
      return numerator + "/" + denominator;
    }
  }

  Pattern FRACTION = Pattern.compile("(\\d{1,3})\\s*/\\s*(\\d{1,3})");

  /** {@code 3wd}, {@code 2d} or {@code 1/5}. */
  static WarningRule parse(String text) {
    Matcher fraction = text == null ? null : FRACTION.matcher(text.strip());
    if (fraction != null && fraction.matches()) {
      return new Fraction(Integer.parseInt(fraction.group(1)), Integer.parseInt(fraction.group(2)));
    }
    try {
      return new Before(ClockLength.parse(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a warning: write a length before due (3wd, 2d) or a fraction of the period (1/5)");
    }
  }

  /** How long before due the warning comes, for a clock of {@code length}. */
  default ClockLength before(ClockLength length) {
    return switch (this) {
      case Before b -> b.length();
      case Fraction f -> f.of(length);
    };
  }
}
