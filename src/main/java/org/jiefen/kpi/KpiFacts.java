package org.jiefen.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jiefen.calendar.CalendarService;
import org.jiefen.calendar.HolidayCalendar;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.CasePetition;
import org.jiefen.casesearch.CaseSearchContributor;
import org.jiefen.clocks.ClockLength;
import org.jiefen.clocks.Deadlines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The KPI facts of one case, added under {@code kpi} to its search document, so every figure of
 * the KPI page is a count, a sum or a histogram over these fields. A boolean fact is
 * <b>absent</b> when the case does not count in the figure's denominator yet, {@code false} when
 * it counts in the denominator only, {@code true} when it counts in both: a rate is then
 * {@code count(fact = true) / count(fact exists)}.
 *
 * <table>
 *   <caption>Facts</caption>
 *   <tr><th>fact</th><th>cases</th><th>value</th></tr>
 *   <tr><td>{@code resolved}</td><td>all</td><td>the case is closed (办结), whatever its outcome</td></tr>
 *   <tr><td>{@code workingDays}</td><td>closed</td><td>working days from the day it was registered to the
 *       day it closed, by the holiday calendar ({@link Deadlines#pausedDays}: the days from the first up
 *       to, not including, the last, counting only working days; the same day is 0)</td></tr>
 *   <tr><td>{@code success}</td><td>mediation, outcome agreed or terminated</td><td>true when agreed
 *       (调解成功). Refused (no consent, 人民调解法 Art. 17: no mediation took place) and linked
 *       (a duplicate merged into another case) are not mediations and stay out of 调解成功率</td></tr>
 *   <tr><td>{@code villageResolved}</td><td>mediation, agreed</td><td>true when the agreement was
 *       reached at the village (community) level (小事不出村)</td></tr>
 *   <tr><td>{@code satisfaction}</td><td>mediation with a follow-up (回访)</td><td>the parties'
 *       satisfaction, 1-5</td></tr>
 *   <tr><td>{@code acceptedOnTime}</td><td>petitions whose acceptance decision is made or late</td><td>the
 *       triage clock ({@code petition-triage}, 15 days, 信访工作条例 Art. 22; or {@code
 *       petition-acceptance-notice}, Art. 23, where a model runs it) ended MET before its due instant.
 *       Absent while it runs on time; false when it is overdue, expired or met late</td></tr>
 *   <tr><td>{@code answerDue}, {@code answeredOnTime}</td><td>petitions with a reply given or late</td><td>
 *       the reply clocks: handling ({@code petition-handling}, 60 days + an approved extension,
 *       Art. 34), review ({@code petition-review}, Art. 35) and re-review ({@code petition-re-review},
 *       Art. 36; hearings paused). {@code answerDue} when one of them has ended MET or is overdue or
 *       expired; {@code answeredOnTime} (only then) when every such clock ended MET before its due
 *       (extensions and pauses are in the due instant). A clock stopped because the matter left
 *       (referred to mediation) gave no reply and does not count</td></tr>
 *   <tr><td>{@code rated}</td><td>petitions rated or closed after a reply</td><td>true when the
 *       petitioner rated (满意, 基本满意, 不满意); false for 未评价 or a petition closed as handled,
 *       reviewed or closed_final without a rating (参评率)</td></tr>
 *   <tr><td>{@code satisfied}</td><td>petitions rated</td><td>满意 or 基本满意 (参评满意率, the
 *       national 信访 statistics count both)</td></tr>
 *   <tr><td>{@code repeat}</td><td>petitions</td><td>intake linked earlier petitions of the same person
 *       or matter ({@code duplicates}: 重复信访)</td></tr>
 *   <tr><td>{@code overdue}</td><td>all</td><td>a staff clock ran out: overdue now, expired or met after its
 *       due, or a supervision (督办) was opened. The parties' windows (asking for review or re-review,
 *       applying for court confirmation) are theirs, not the staff's, and do not count</td></tr>
 * </table>
 *
 * <p>A clock restarted (a second triage after an objection, a second review) replaces its earlier
 * run in the case file: the facts judge the latest run. Pure and fast: no I/O, the calendar is
 * the in-memory snapshot.
 */
@Component
public class KpiFacts implements CaseSearchContributor {

  static final String MEDIATION = "mediation";
  static final String PETITION = "petition";
  static final String CLOSED = "CLOSED";
  static final String VILLAGE = "VILLAGE";

  /** The acceptance decision's clocks, the first present counts. */
  static final List<String> ACCEPTANCE_CLOCKS = List.of("petition-triage", "petition-acceptance-notice");
  /** The clocks of a reply to the petitioner. */
  static final List<String> REPLY_CLOCKS = List.of("petition-handling", "petition-review", "petition-re-review");
  /** Windows of the parties, not deadlines of the staff. */
  static final Set<String> PARTY_WINDOWS =
      Set.of("petition-review-request", "petition-re-review-request", "confirmation-application");
  /** Petition outcomes after which the petitioner was asked for a rating. */
  static final Set<String> REPLIED_OUTCOMES = Set.of("handled", "reviewed", "closed_final");
  static final Set<String> SATISFIED = Set.of("satisfied", "basically_satisfied");
  static final Set<String> RATED = Set.of("satisfied", "basically_satisfied", "dissatisfied");

  private final Supplier<HolidayCalendar> calendar;
  private final ZoneId zone;

  @Autowired
  KpiFacts(CalendarService calendar) {
    this(calendar::current, calendar.zone());
  }

  KpiFacts(Supplier<HolidayCalendar> calendar, ZoneId zone) {
    this.calendar = calendar;
    this.zone = zone;
  }

  @Override
  public void contribute(CaseFile file, Map<String, Object> doc) {
    doc.put("kpi", facts(file));
  }

  /** The facts of the file; absent facts are left out (see the class comment). */
  Map<String, Object> facts(CaseFile file) {
    Map<String, Object> kpi = new LinkedHashMap<>();
    boolean closed = CLOSED.equals(file.status()) || file.closed() != null;
    kpi.put("resolved", closed);
    if (closed && file.created() != null && file.closed() != null) {
      kpi.put("workingDays", workingDays(file.created(), file.closed()));
    }
    if (MEDIATION.equals(file.kind())) {
      mediation(file, kpi);
    } else if (PETITION.equals(file.kind())) {
      petition(file, kpi);
    }
    kpi.put("overdue", overdue(file));
    return kpi;
  }

  /** Working days from the day of {@code from} up to the day of {@code to}, by the holiday calendar. */
  int workingDays(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return new Deadlines(calendar.get(), zone).pausedDays(from, to, ClockLength.Unit.WORKING_DAYS);
  }

  private static void mediation(CaseFile file, Map<String, Object> kpi) {
    String outcome = file.outcome();
    if ("agreed".equals(outcome)) {
      kpi.put("success", true);
      kpi.put("villageResolved", VILLAGE.equals(file.level()));
    } else if ("terminated".equals(outcome)) {
      kpi.put("success", false);
    }
    if (file.satisfaction() != null) {
      kpi.put("satisfaction", file.satisfaction());
    }
  }

  private static void petition(CaseFile file, Map<String, Object> kpi) {
    CaseClock acceptance = ACCEPTANCE_CLOCKS.stream().map(id -> clock(file, id)).filter(c -> c != null)
        .findFirst().orElse(null);
    Boolean accepted = judged(acceptance);
    if (accepted != null) {
      kpi.put("acceptedOnTime", accepted);
    }
    boolean due = false;
    boolean allOnTime = true;
    for (String id : REPLY_CLOCKS) {
      Boolean onTime = judged(clock(file, id));
      if (onTime != null) {
        due = true;
        allOnTime &= onTime;
      }
    }
    kpi.put("answerDue", due);
    if (due) {
      kpi.put("answeredOnTime", allOnTime);
    }
    String rating = file.petition() == null ? null : file.petition().rating();
    if (rating != null && RATED.contains(rating)) {
      kpi.put("rated", true);
      kpi.put("satisfied", SATISFIED.contains(rating));
    } else if (rating != null || (file.outcome() != null && REPLIED_OUTCOMES.contains(file.outcome()))) {
      kpi.put("rated", false);
    }
    kpi.put("repeat", file.duplicates() != null && !file.duplicates().isEmpty());
  }

  /**
   * Whether a clock's work was done in time: true when it ended MET before its due instant, false
   * when it is overdue, expired or met late, null while it runs in time, is paused or was stopped.
   */
  static Boolean judged(CaseClock c) {
    if (c == null || c.state() == null) {
      return null;
    }
    return switch (c.state()) {
      case CaseClock.MET -> c.ended() == null || c.due() == null || c.ended().isBefore(c.due());
      case CaseClock.OVERDUE, CaseClock.EXPIRED -> false;
      default -> null;
    };
  }

  private static boolean overdue(CaseFile file) {
    CasePetition p = file.petition();
    if (p != null && p.supervisions() != null && !p.supervisions().isEmpty()) {
      return true;
    }
    if (file.clocks() == null) {
      return false;
    }
    return file.clocks().stream().filter(c -> !PARTY_WINDOWS.contains(c.id()))
        .anyMatch(c -> Boolean.FALSE.equals(judged(c)));
  }

  private static CaseClock clock(CaseFile file, String id) {
    if (file.clocks() == null) {
      return null;
    }
    return file.clocks().stream().filter(c -> id.equals(c.id())).reduce((a, b) -> b).orElse(null);
  }
}
