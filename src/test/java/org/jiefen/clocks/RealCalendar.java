package org.jiefen.clocks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jiefen.calendar.CalendarCsv;
import org.jiefen.calendar.HolidayCalendar;

/** The calendar the app seeds (2024-2026 from the State Council notices), as tests compute with it. */
final class RealCalendar {

  private RealCalendar() {}

  static HolidayCalendar load() {
    try (InputStream in = RealCalendar.class.getResourceAsStream("/calendar/holidays-cn.csv")) {
      return HolidayCalendar.of(CalendarCsv.years(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
