package org.jiefen.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jiefen.web.FieldProblem;
import org.junit.jupiter.api.Test;

class CalendarCsvTest {

  @Test
  void theSeedPassesItsOwnRulesYearByYear() throws Exception {
    String seed;
    try (InputStream in = getClass().getResourceAsStream("/calendar/holidays-cn.csv")) {
      seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<Integer, List<CalendarDay>> years = CalendarCsv.years(seed);
    assertThat(years).containsOnlyKeys(2024, 2025, 2026);
    HolidayCalendar calendar = HolidayCalendar.of(years);
    var unknown = new TreeSet<Integer>();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1), unknown)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10), unknown)).as("adjusted Saturday").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11), unknown)).as("plain Sunday").isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12), unknown)).isTrue();
    assertThat(unknown).isEmpty();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1), unknown)).as("no data: weekdays").isTrue();
    assertThat(unknown).containsExactly(2027);
  }

  @Test
  void aYearReadsWithOrWithoutHeaderCommentsAndBlankLinesAndWritesBack() {
    String csv = "\uFEFFdate,kind,name\r\n# 国办发明电〔2025〕7号\r\n\r\n2026-10-10,workday,国庆节\r\n2026-10-01,holiday,国庆节\r\n";
    List<CalendarDay> days = CalendarCsv.year(2026, csv);
    assertThat(days).extracting(CalendarDay::kind).containsExactly(DayKind.WORKDAY, DayKind.HOLIDAY);
    assertThat(CalendarCsv.year(2026, "2026-10-01,holiday,国庆节")).hasSize(1);
    assertThat(CalendarCsv.write(days)).isEqualTo("date,kind,name\n2026-10-01,holiday,国庆节\n2026-10-10,workday,国庆节\n");
  }

  @Test
  void everyBadLineIsNamedWithItsLineAndColumn() {
    String csv = String.join("\n",
        "date,kind,name",              // 1
        "2027-01-01,holiday,元旦",      // 2 fine
        "2027-13-01,holiday,元旦",      // 3 not a date
        "2026-12-31,holiday,元旦",      // 4 other year
        "2027-02-06,holiday,春节",      // 5 a plain Saturday
        "2027-02-08,workday,春节",      // 6 a Monday cannot be an adjusted working day
        "2027-01-01,holiday,元旦",      // 7 twice
        "2027-05-01,off,劳动节",        // 8 kind
        "2027-05-02,holiday,",          // 9 no name
        "2027-05-03,holiday",           // 10 two columns
        "2027-06-01,holiday,<b>");      // 11 markup
    assertThatThrownBy(() -> CalendarCsv.year(2027, csv))
        .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.violations())
            .extracting(FieldProblem.Violation::field)
            .containsExactlyInAnyOrder("line 3.date", "line 4.date", "line 5.kind", "line 6.kind", "line 7.date",
                "line 8.kind", "line 9.name", "line 10", "line 11.name"));
  }

  @Test
  void weekendHolidaysAreAcceptedInsideASpanThatReachesAWeekday() {
    // Sat 2027-02-06 .. Mon 2027-02-08: the span reaches Monday
    assertThat(CalendarCsv.year(2027, "2027-02-06,holiday,春节\n2027-02-07,holiday,春节\n2027-02-08,holiday,春节")).hasSize(3);
    // a weekend alone is not a holiday the notice would list
    assertThatThrownBy(() -> CalendarCsv.year(2027, "2027-02-06,holiday,春节\n2027-02-07,holiday,春节"))
        .isInstanceOf(FieldProblem.class)
        .hasMessageContaining("line 1.kind").hasMessageContaining("line 2.kind");
  }

  @Test
  void emptyAndOversizedBodiesAreRefused() {
    assertThatThrownBy(() -> CalendarCsv.year(2027, "date,kind,name\n"))
        .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.field()).isEqualTo("body"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= CalendarCsv.MAX_LINES; i++) {
      many.append("2027-03-0").append(1 + i % 5).append(",holiday,x\n");
    }
    assertThatThrownBy(() -> CalendarCsv.year(2027, many.toString()))
        .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.violations()).extracting(FieldProblem.Violation::field)
            .contains("body"));
  }
}
