package org.jiefen.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A year of the calendar as stored (one document per year in the {@code calendar} index).
 * {@code source} is where the data came from ({@code seed}: the CSV shipped in the jar;
 * {@code upload}: an administrator's {@code PUT}); {@code notice} the State Council notice it
 * transcribes, when known (国办发明电〔2025〕7号).
 */
public record CalendarYear(
    int year, String source, String notice, Instant updated, String updatedBy, List<CalendarDay> days) {

  public static final String SEED = "seed";
  public static final String UPLOAD = "upload";

  public long holidays() {
    return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
  }

  public long workdays() {
    return days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count();
  }
}
