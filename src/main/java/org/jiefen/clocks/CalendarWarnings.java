package org.jiefen.clocks;

import java.util.Collection;

/** The text a case shows when a clock's dates rest on years whose holiday calendar is not loaded. */
public final class CalendarWarnings {

  private CalendarWarnings() {}

  /** Null when {@code years} is empty. */
  public static String text(Collection<Integer> years) {
    if (years == null || years.isEmpty()) {
      return null;
    }
    return String.join("、", years.stream().sorted().map(y -> y + "年").toList())
        + "节假日安排尚未载入，本期限按仅周六、周日休息推算，载入后请核对。";
  }
}
