package org.jiefen.kpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiefen.calendar.CalendarCsv;
import org.jiefen.calendar.HolidayCalendar;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.CasePetition;

/**
 * Case files for the KPI tests, and their search documents built as the projection will: the
 * fields case-search.json defines that the KPI query reads, plus what {@link KpiFacts} adds. (When
 * the search helper's CaseSearchProjection is merged, {@link #document} can become a call to it.)
 */
public final class KpiFixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private KpiFixtures() {}

  /** The calendar the app seeds (2024-2026 from the State Council notices). */
  static HolidayCalendar calendar() {
    try (InputStream in = KpiFixtures.class.getResourceAsStream("/calendar/holidays-cn.csv")) {
      return HolidayCalendar.of(CalendarCsv.years(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static KpiFacts facts() {
    HolidayCalendar calendar = calendar();
    return new KpiFacts(() -> calendar, SHANGHAI);
  }

  /** {@code 2026-03-02 10:00} in Beijing time. */
  static Instant at(String dateTime) {
    return LocalDateTime.parse(dateTime.replace(' ', 'T')).atZone(SHANGHAI).toInstant();
  }

  /** 10:00 of the day in Beijing time. */
  static Instant day(String date) {
    return at(date + " 10:00");
  }

  /**
   * A calendar-day clock started on {@code startDay}: due at the end of its last day ({@code
   * startDay + days}, the start day not counted), i.e. 00:00 of the day after.
   */
  static CaseClock clock(String id, String startDay, int days, String state, Instant ended) {
    LocalDate start = LocalDate.parse(startDay);
    Instant due = start.plusDays(days + 1L).atStartOfDay(SHANGHAI).toInstant();
    return new CaseClock(id, id, "basis", days + "d", day(startDay), null, due, state, ended, List.of(), List.of(), null);
  }

  static final class Builder {
    String id;
    String kind;
    List<String> unitPath;
    Instant created;
    Instant closed;
    String outcome;
    String level;
    Integer satisfaction;
    List<CaseClock> clocks = new ArrayList<>();
    String rating;
    boolean confidential;
    List<String> duplicates = List.of();
    List<CasePetition.Supervision> supervisions = List.of();

    Builder(String id, String kind, List<String> unitPath, Instant created) {
      this.id = id;
      this.kind = kind;
      this.unitPath = unitPath;
      this.created = created;
    }

    Builder closed(Instant at, String outcome) {
      this.closed = at;
      this.outcome = outcome;
      return this;
    }

    Builder level(String level) {
      this.level = level;
      return this;
    }

    Builder satisfaction(int s) {
      this.satisfaction = s;
      return this;
    }

    Builder clock(CaseClock c) {
      clocks.add(c);
      return this;
    }

    Builder rating(String r) {
      this.rating = r;
      return this;
    }

    Builder confidential() {
      this.confidential = true;
      return this;
    }

    Builder repeatOf(String earlier) {
      this.duplicates = List.of(earlier);
      return this;
    }

    Builder supervised() {
      String unit = unitPath.get(unitPath.size() - 1);
      this.supervisions = List.of(new CasePetition.Supervision("petition-triage", unitPath.get(0), unit, created,
          created, "请抓紧办理", "leader", closed));
      return this;
    }

    CaseFile build() {
      String unit = unitPath.get(unitPath.size() - 1);
      CasePetition petition = KpiFacts.PETITION.equals(kind)
          ? new CasePetition("claim", confidential, List.of(), unit, null, null, null, List.of(), supervisions, null,
              null, null, rating, null, false)
          : null;
      return new CaseFile(id, "Q" + id, kind, "title " + id, "description", "labour", null, "walk_in", unit, unitPath,
          closed == null ? "OPEN" : "CLOSED", level, unit, null, "intake", unit, created, closed != null ? closed : created,
          List.of(), duplicates, duplicates, null, outcome, closed, null, satisfaction, List.of(), clocks, null, petition,
          List.of(), null);
    }
  }

  static Builder mediation(String id, List<String> unitPath, Instant created) {
    return new Builder(id, KpiFacts.MEDIATION, unitPath, created);
  }

  static Builder petition(String id, List<String> unitPath, Instant created) {
    return new Builder(id, KpiFacts.PETITION, unitPath, created);
  }

  /** The search document of a case file: the mapped fields the KPI query and the data scope read, and the facts. */
  /** The case's search document as the app builds it: the real projection with the KPI facts as its contributor. */
  public static Map<String, Object> document(CaseFile f, KpiFacts facts) {
    return new org.jiefen.casesearch.CaseSearchProjection(List.of(facts)).project(f, List.of());
  }

  /**
   * The seeded data set of KpiQueryTest (whose comments compute every figure by hand): a street
   * office {@code p} with communities {@code a} and {@code b}, March-April 2026.
   */
  public static List<CaseFile> seed(List<String> p, List<String> a, List<String> b) {
    String met = CaseClock.MET;
    return List.of(
        // --- mediation at A (甲社区)
        mediation("A1", a, day("2026-03-02")).closed(day("2026-03-09"), "agreed").level("VILLAGE").satisfaction(5).build(),
        mediation("A2", a, day("2026-03-03")).closed(day("2026-03-17"), "agreed").level("TOWN").satisfaction(4).build(),
        mediation("A3", a, day("2026-03-10")).closed(day("2026-03-12"), "terminated").level("TOWN").build(),
        mediation("A4", a, day("2026-03-16")).closed(day("2026-04-08"), "agreed").level("VILLAGE").satisfaction(3).build(),
        mediation("A5", a, day("2026-04-01")).build(),
        mediation("A6", a, day("2026-02-26")).closed(day("2026-03-05"), "refused").level("VILLAGE").build(),
        mediation("A7", a, day("2026-03-20")).closed(at("2026-03-20 16:00"), "linked").build(),
        mediation("A8", a, at("2026-03-01 00:30")).build(), // 28 Feb 16:30 UTC: March in Beijing
        mediation("A9", a, at("2026-02-28 23:30")).build(), // February in Beijing
        mediation("A10", a, day("2026-01-05")).closed(day("2026-02-10"), "agreed").level("VILLAGE").build(),
        // --- mediation at B (乙社区)
        mediation("B1", b, day("2026-03-02")).closed(day("2026-03-04"), "agreed").level("VILLAGE").satisfaction(5).build(),
        mediation("B2", b, day("2026-03-09")).closed(day("2026-03-13"), "agreed").level("VILLAGE").satisfaction(4).build(),
        mediation("B3", b, day("2026-04-01")).closed(day("2026-04-10"), "terminated").level("TOWN").build(),
        mediation("B4", b, day("2026-04-13")).closed(day("2026-04-20"), "terminated").level("COUNTY").build(),
        mediation("B5", b, day("2026-04-20")).build(),
        mediation("B6", b, day("2026-03-25")).closed(day("2026-05-06"), "agreed").level("VILLAGE").build(),
        // --- petitions registered at the street's office (P itself: the "own" row)
        petition("P1", p, day("2026-03-02")).clock(clock("petition-triage", "2026-03-02", 15, met, day("2026-03-10")))
            .clock(clock("petition-handling", "2026-03-10", 60, met, day("2026-04-20")))
            .rating("satisfied").closed(day("2026-04-20"), "handled").build(),
        petition("P2", p, day("2026-03-03")).clock(clock("petition-triage", "2026-03-03", 15, met, day("2026-03-25")))
            .clock(clock("petition-handling", "2026-03-25", 20, met, day("2026-04-20")))
            .rating("dissatisfied").closed(day("2026-04-20"), "handled").repeatOf("earlier-1").build(),
        petition("P3", p, day("2026-03-05")).clock(clock("petition-triage", "2026-03-05", 15, CaseClock.OVERDUE, null)).build(),
        petition("P4", p, day("2026-03-10")).clock(clock("petition-triage", "2026-03-10", 15, met, day("2026-03-12")))
            .clock(clock("petition-handling", "2026-03-12", 60, CaseClock.RUNNING, null)).build(),
        petition("P5", p, day("2026-03-12")).clock(clock("petition-triage", "2026-03-12", 15, met, day("2026-03-13")))
            .clock(clock("petition-handling", "2026-03-13", 20, met, day("2026-03-30")))
            .clock(clock("petition-review", "2026-04-01", 10, met, day("2026-04-15")))
            .rating("basically_satisfied").closed(day("2026-04-16"), "reviewed").build(),
        petition("P6", p, day("2026-03-16")).clock(clock("petition-triage", "2026-03-16", 15, met, day("2026-03-17")))
            .clock(clock("petition-handling", "2026-03-17", 20, met, day("2026-04-01")))
            .rating("not_rated").closed(day("2026-04-02"), "handled").repeatOf("earlier-2").build(),
        petition("P7", p, day("2026-04-02")).clock(clock("petition-triage", "2026-04-02", 15, CaseClock.RUNNING, null)).build(),
        petition("P8", p, day("2026-04-03")).clock(clock("petition-triage", "2026-04-03", 15, met, day("2026-04-08")))
            .closed(day("2026-04-08"), "not_accepted").build(),
        petition("P9", p, day("2026-04-07")).clock(clock("petition-triage", "2026-04-07", 15, met, day("2026-04-08")))
            .clock(clock("petition-handling", "2026-04-08", 10, met, day("2026-04-15")))
            .closed(day("2026-04-16"), "handled").supervised().build(),
        petition("P10", p, day("2026-03-20")).confidential()
            .clock(clock("petition-triage", "2026-03-20", 15, met, day("2026-03-21"))).build(),
        petition("P11", p, day("2026-02-10")).clock(clock("petition-triage", "2026-02-10", 15, met, day("2026-02-12")))
            .closed(day("2026-03-05"), "not_accepted").build(),
        // --- petitions at B
        petition("PB1", b, day("2026-03-18")).clock(clock("petition-triage", "2026-03-18", 15, met, day("2026-03-19")))
            .clock(clock("petition-handling", "2026-03-19", 20, CaseClock.OVERDUE, null)).build(),
        petition("PB2", b, day("2026-04-15")).clock(clock("petition-triage", "2026-04-15", 15, met, day("2026-05-03")))
            .repeatOf("earlier-3").build());
  }

}
