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
import java.util.LinkedHashMap;
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
final class KpiFixtures {

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

  static KpiFacts facts() {
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
          List.of());
    }
  }

  static Builder mediation(String id, List<String> unitPath, Instant created) {
    return new Builder(id, KpiFacts.MEDIATION, unitPath, created);
  }

  static Builder petition(String id, List<String> unitPath, Instant created) {
    return new Builder(id, KpiFacts.PETITION, unitPath, created);
  }

  /** The search document of a case file: the mapped fields the KPI query and the data scope read, and the facts. */
  static Map<String, Object> document(CaseFile f, KpiFacts facts) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", f.id());
    doc.put("kind", f.kind());
    doc.put("status", f.status());
    doc.put("outcome", f.outcome());
    doc.put("level", f.level());
    doc.put("unitCode", f.unitCode());
    doc.put("unitPath", f.unitPath());
    doc.put("currentUnitCode", f.currentUnitCode());
    doc.put("created", f.created().toString());
    doc.put("closed", f.closed() == null ? null : f.closed().toString());
    doc.put("year", f.created().atZone(SHANGHAI).getYear());
    if (f.petition() != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("petitionKind", f.petition().petitionKind());
      p.put("confidential", f.petition().confidential());
      p.put("handlingUnitCode", f.petition().handlingUnitCode());
      p.put("rating", f.petition().rating());
      doc.put("petition", p);
    }
    facts.contribute(f, doc);
    return doc;
  }
}
