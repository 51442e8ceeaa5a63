package org.jiefen.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Clock arithmetic on the real 2024-2026 calendar, in Asia/Shanghai. */
class DeadlinesTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final Deadlines deadlines = new Deadlines(RealCalendar.load(), SHANGHAI);

  @Test
  void aFifteenDayClockStartedAnyTimeOnNovember2ndEndsAtTheEndOfNovember17th() {
    ClockDefinition clock = clock("15d", null, false);
    for (String time : new String[] {"2026-11-02T00:00", "2026-11-02T09:30", "2026-11-02T23:59:59"}) {
      Deadlines.Plan plan = deadlines.start(clock, at(time));
      assertThat(plan.due()).as(time).isEqualTo(Instant.parse("2026-11-17T16:00:00Z")); // 2026-11-18 00:00 +08:00
      assertThat(deadlines.lastDay(plan.due())).isEqualTo(LocalDate.of(2026, 11, 17));
      assertThat(plan.unknownYears()).isEmpty();
      assertThat(plan.calendarWarning()).isNull();
    }
  }

  @Test
  void workingDaysSkipNationalDayAndCountItsAdjustedSaturday() {
    // 2026-10-01..07 off, Saturday 10-10 worked: Thu 8, Fri 9, Sat 10, Mon 12, Tue 13
    Deadlines.Plan plan = deadlines.start(clock("5wd", null, false), at("2026-09-30T16:00"));
    assertThat(lastDay(plan)).isEqualTo(LocalDate.of(2026, 10, 13));
  }

  @Test
  void workingDaysSkipMidAutumnAndCountItsAdjustedSunday() {
    // Mid-Autumn 2026-09-25..27 off: Mon 28, Tue 29, Wed 30
    assertThat(lastDay(deadlines.start(clock("3wd", null, false), at("2026-09-24T10:00"))))
        .isEqualTo(LocalDate.of(2026, 9, 30));
    // Sunday 2026-09-20 is worked: a one-working-day clock from Saturday ends on it
    assertThat(lastDay(deadlines.start(clock("1wd", null, false), at("2026-09-19T10:00"))))
        .isEqualTo(LocalDate.of(2026, 9, 20));
  }

  @Test
  void fifteenWorkingDaysAcrossSpringFestival2026() {
    // Sat 02-14 and Sat 02-28 worked, 02-15..23 off
    Deadlines.Plan plan = deadlines.start(clock("15wd", null, false), at("2026-02-10T11:00"));
    assertThat(lastDay(plan)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(plan.due()).isEqualTo(LocalDate.of(2026, 3, 10).atStartOfDay(SHANGHAI).toInstant());
  }

  @Test
  void aThreeDayClockEndingOnNationalDayRollsOverToTheNextWorkingDay() {
    Instant start = at("2026-09-28T15:00");
    assertThat(lastDay(deadlines.start(clock("3d", null, false), start))).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(lastDay(deadlines.start(clock("3d", null, true), start))).isEqualTo(LocalDate.of(2026, 10, 8));
    // an adjusted working Saturday is a working day: nothing to roll over
    assertThat(lastDay(deadlines.start(clock("3d", null, true), at("2026-02-11T09:00"))))
        .isEqualTo(LocalDate.of(2026, 2, 14));
    // a plain Sunday rolls to Monday
    assertThat(lastDay(deadlines.start(clock("3d", null, true), at("2026-11-19T09:00"))))
        .isEqualTo(LocalDate.of(2026, 11, 23));
  }

  @Test
  void aWorkingDayClockReachingInto2027WithoutDataCountsWeekendsOnlyAndSaysSo() {
    // Dec 25, 28-31 in 2026, then 2027 by weekdays alone (1 January counted as worked)
    Deadlines.Plan plan = deadlines.start(clock("15wd", null, false), at("2026-12-24T10:00"));
    assertThat(lastDay(plan)).isEqualTo(LocalDate.of(2027, 1, 14));
    assertThat(plan.unknownYears()).containsExactly(2027);
    assertThat(plan.calendarWarning()).contains("2027年节假日安排尚未载入").contains("周六、周日");
  }

  @Test
  void calendarDayClocksIntoAYearWithoutDataWarnOnlyWhenTheyRollOver() {
    assertThat(deadlines.start(clock("30d", null, false), at("2026-12-20T10:00")).calendarWarning()).isNull();
    Deadlines.Plan rolled = deadlines.start(clock("30d", null, true), at("2026-12-20T10:00"));
    assertThat(lastDay(rolled)).isEqualTo(LocalDate.of(2027, 1, 19)); // a Tuesday, by weekdays alone
    assertThat(rolled.unknownYears()).containsExactly(2027);
  }

  @Test
  void aFractionWarningIsThatPartOfTheLengthBeforeDue() {
    // 60d from 2 March: last day 1 May; 1/5 of 60 = the last 12 days, from 20 April
    Deadlines.Plan plan = deadlines.start(clock("60d", "1/5", false), at("2026-03-02T10:00"));
    assertThat(lastDay(plan)).isEqualTo(LocalDate.of(2026, 5, 1));
    assertThat(plan.warnAt()).isEqualTo(at("2026-04-20T00:00"));
    // rounded up: 1/5 of 3 working days is one working day
    assertThat(WarningRule.parse("1/5").before(ClockLength.parse("3wd"))).isEqualTo(ClockLength.workingDays(1));
  }

  @Test
  void aLengthWarningCountsTheLastDaysOrWorkingDays() {
    // 15d from 2 November: last day 17 November; 3d warning: yellow on the 15th, 16th and 17th
    assertThat(deadlines.start(clock("15d", "3d", false), at("2026-11-02T10:00")).warnAt()).isEqualTo(at("2026-11-15T00:00"));
    // 5wd from 30 September ends 13 October; the last 3 working days are Tue 13, Mon 12 and the worked Sat 10
    assertThat(deadlines.start(clock("5wd", "3wd", false), at("2026-09-30T10:00")).warnAt()).isEqualTo(at("2026-10-10T00:00"));
    assertThat(deadlines.start(clock("5wd", "2wd", false), at("2026-09-30T10:00")).warnAt()).isEqualTo(at("2026-10-12T00:00"));
  }

  @Test
  void aWarningLongerThanTheRestOfTheClockIsYellowFromTheStart() {
    Instant start = at("2026-11-02T10:00");
    assertThat(deadlines.start(clock("3d", "5d", false), start).warnAt()).isEqualTo(start);
  }

  @Test
  void aPauseOfACalendarDayClockPushesItByTheDaysPaused() {
    ClockDefinition clock = clock("30d", "1/5", false);
    Deadlines.Plan started = deadlines.start(clock, at("2026-03-02T10:00"));
    assertThat(lastDay(started)).isEqualTo(LocalDate.of(2026, 4, 1));
    Deadlines.Plan resumed = deadlines.resume(clock, at("2026-03-02T10:00"), started.due(), at("2026-03-10T10:00"),
        at("2026-03-20T09:00"));
    assertThat(resumed.pushedBy()).isEqualTo(10);
    assertThat(lastDay(resumed)).isEqualTo(LocalDate.of(2026, 4, 11));
    assertThat(resumed.warnAt()).isEqualTo(at("2026-04-06T00:00")); // the last 6 days again
    // a pause that ends the day it began pushes nothing
    assertThat(deadlines.resume(clock, at("2026-03-02T10:00"), started.due(), at("2026-03-10T09:00"), at("2026-03-10T17:00"))
        .due()).isEqualTo(started.due());
  }

  @Test
  void aPauseOfAWorkingDayClockPushesItByTheWorkingDaysPaused() {
    ClockDefinition clock = clock("5wd", null, false);
    Deadlines.Plan started = deadlines.start(clock, at("2026-10-08T10:00"));
    // Fri 9, Sat 10 (worked), Mon 12, Tue 13, Wed 14
    assertThat(lastDay(started)).isEqualTo(LocalDate.of(2026, 10, 14));
    // paused Friday afternoon, resumed Monday: Friday and the worked Saturday are lost, Sunday is not
    Deadlines.Plan resumed =
        deadlines.resume(clock, at("2026-10-08T10:00"), started.due(), at("2026-10-09T15:00"), at("2026-10-12T09:00"));
    assertThat(resumed.pushedBy()).isEqualTo(2);
    assertThat(lastDay(resumed)).isEqualTo(LocalDate.of(2026, 10, 16));
  }

  @Test
  void anExtensionAddsItsLengthToTheCurrentDueDateWithRollOver() {
    ClockDefinition decision = clock("15d", "3d", true);
    Deadlines.Plan plan = deadlines.start(decision, at("2026-09-16T10:00"));
    assertThat(lastDay(plan)).isEqualTo(LocalDate.of(2026, 10, 8)); // 1 October rolled over the holiday
    Deadlines.Plan extended = deadlines.extend(decision, at("2026-09-16T10:00"), plan.due(), ClockLength.days(10));
    assertThat(lastDay(extended)).isEqualTo(LocalDate.of(2026, 10, 19)); // 18 October is a Sunday
    assertThat(extended.warnAt()).isEqualTo(at("2026-10-17T00:00"));
  }

  @Test
  void dueAndLastDayAreInverse() {
    LocalDate day = LocalDate.of(2026, 2, 28);
    assertThat(deadlines.lastDay(deadlines.endOf(day))).isEqualTo(day);
    assertThat(deadlines.endOf(day)).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
  }

  private LocalDate lastDay(Deadlines.Plan plan) {
    return deadlines.lastDay(plan.due());
  }

  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  static ClockDefinition clock(String length, String warning, boolean rollOver) {
    return new ClockDefinition("test", "测试期限", "测试", ClockLength.parse(length),
        warning == null ? null : WarningRule.parse(warning), rollOver, null);
  }
}
