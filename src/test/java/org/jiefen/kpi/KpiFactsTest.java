package org.jiefen.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.kpi.KpiFixtures.at;
import static org.jiefen.kpi.KpiFixtures.clock;
import static org.jiefen.kpi.KpiFixtures.day;
import static org.jiefen.kpi.KpiFixtures.mediation;
import static org.jiefen.kpi.KpiFixtures.petition;

import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseClock;
import org.junit.jupiter.api.Test;

class KpiFactsTest {

  static final List<String> PATH = List.of("440306000000", "440306001000", "440306001001");
  final KpiFacts facts = KpiFixtures.facts();

  @Test
  void anOpenMediationIsNotResolvedAndHasNoOutcomeFacts() {
    Map<String, Object> kpi = facts.facts(mediation("m", PATH, day("2026-03-02")).build());
    assertThat(kpi).containsEntry("resolved", false).containsEntry("overdue", false)
        .doesNotContainKeys("workingDays", "success", "villageResolved", "satisfaction", "acceptedOnTime", "repeat");
  }

  @Test
  void agreedAtTheVillageIsASuccessResolvedInTheVillage() {
    Map<String, Object> kpi = facts.facts(mediation("m", PATH, day("2026-03-02"))
        .closed(day("2026-03-09"), "agreed").level("VILLAGE").satisfaction(5).build());
    assertThat(kpi).containsEntry("resolved", true).containsEntry("success", true)
        .containsEntry("villageResolved", true).containsEntry("satisfaction", 5)
        .containsEntry("workingDays", 5); // Mon 2 .. Fri 6 March
  }

  @Test
  void agreedAtTheTownCountsInTheVillageShareAsNotInTheVillage() {
    Map<String, Object> kpi = facts.facts(mediation("m", PATH, day("2026-03-02"))
        .closed(day("2026-03-04"), "agreed").level("TOWN").build());
    assertThat(kpi).containsEntry("success", true).containsEntry("villageResolved", false).doesNotContainKey("satisfaction");
  }

  @Test
  void terminatedIsAFailureRefusedAndLinkedAreNotMediations() {
    assertThat(facts.facts(mediation("m", PATH, day("2026-03-02")).closed(day("2026-03-04"), "terminated").build()))
        .containsEntry("success", false).doesNotContainKey("villageResolved");
    assertThat(facts.facts(mediation("m", PATH, day("2026-03-02")).closed(day("2026-03-04"), "refused").build()))
        .containsEntry("resolved", true).doesNotContainKeys("success", "villageResolved");
    assertThat(facts.facts(mediation("m", PATH, day("2026-03-02")).closed(day("2026-03-02"), "linked").build()))
        .containsEntry("resolved", true).containsEntry("workingDays", 0).doesNotContainKey("success");
  }

  @Test
  void workingDaysFollowTheHolidayCalendar() {
    // Qingming 2026: 4-6 April off. Wed 1 April .. Fri 10 April: 1, 2, 3, 7, 8, 9 = 6 working days
    assertThat(facts.workingDays(day("2026-04-01"), day("2026-04-10"))).isEqualTo(6);
    // Spring festival 2026: Sat 28 February is an adjusted working day. Thu 26 Feb .. Thu 5 March:
    // 26, 27, 28 Feb, 2, 3, 4 March = 6
    assertThat(facts.workingDays(day("2026-02-26"), day("2026-03-05"))).isEqualTo(6);
    // days are Beijing days: 23:30 on Monday to 00:30 on Tuesday is one working day
    assertThat(facts.workingDays(at("2026-03-02 23:30"), at("2026-03-03 00:30"))).isEqualTo(1);
    assertThat(facts.workingDays(day("2026-03-03"), day("2026-03-02"))).isZero();
  }

  @Test
  void acceptanceOnTimeWhenTheTriageClockWasMetBeforeItsDue() {
    // started 2 March, 15 days: last day 17 March, due 18 March 00:00
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.MET, at("2026-03-17 23:59"))).build()))
        .containsEntry("acceptedOnTime", true);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.MET, at("2026-03-18 00:00"))).build()))
        .containsEntry("acceptedOnTime", false).containsEntry("overdue", true);
  }

  @Test
  void acceptanceOverdueOrExpiredIsLateAndRunningIsNotCountedYet() {
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.OVERDUE, null)).build()))
        .containsEntry("acceptedOnTime", false).containsEntry("overdue", true);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.EXPIRED, day("2026-03-18"))).build()))
        .containsEntry("acceptedOnTime", false);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.RUNNING, null)).build()))
        .doesNotContainKey("acceptedOnTime").containsEntry("overdue", false);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-triage", "2026-03-02", 15, CaseClock.STOPPED, day("2026-03-05"))).build()))
        .doesNotContainKey("acceptedOnTime");
    // the acceptance notice clock counts where a model runs it instead of triage
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02"))
        .clock(clock("petition-acceptance-notice", "2026-03-02", 15, CaseClock.MET, day("2026-03-03"))).build()))
        .containsEntry("acceptedOnTime", true);
  }

  @Test
  void answersAreOnTimeOnlyWhenEveryReplyClockWasMetInTime() {
    var handlingMet = clock("petition-handling", "2026-03-10", 60, CaseClock.MET, day("2026-04-20"));
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(handlingMet).build()))
        .containsEntry("answerDue", true).containsEntry("answeredOnTime", true);
    var reviewLate = clock("petition-review", "2026-04-25", 30, CaseClock.MET, day("2026-05-30"));
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(handlingMet).clock(reviewLate).build()))
        .containsEntry("answerDue", true).containsEntry("answeredOnTime", false).containsEntry("overdue", true);
    var handlingRunning = clock("petition-handling", "2026-03-10", 60, CaseClock.RUNNING, null);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(handlingRunning).build()))
        .containsEntry("answerDue", false).doesNotContainKey("answeredOnTime");
    var handlingOverdue = clock("petition-handling", "2026-03-10", 60, CaseClock.OVERDUE, null);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(handlingOverdue).build()))
        .containsEntry("answerDue", true).containsEntry("answeredOnTime", false);
    // referred to mediation: the handling clock stopped, no reply was due
    var handlingStopped = clock("petition-handling", "2026-03-10", 60, CaseClock.STOPPED, day("2026-03-20"));
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(handlingStopped)
        .closed(day("2026-03-20"), "referred_to_mediation").build()))
        .containsEntry("answerDue", false).doesNotContainKeys("answeredOnTime", "rated");
  }

  @Test
  void ratings() {
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).rating("satisfied").build()))
        .containsEntry("rated", true).containsEntry("satisfied", true);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).rating("basically_satisfied").build()))
        .containsEntry("rated", true).containsEntry("satisfied", true);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).rating("dissatisfied").build()))
        .containsEntry("rated", true).containsEntry("satisfied", false);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).rating("not_rated").build()))
        .containsEntry("rated", false).doesNotContainKey("satisfied");
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).closed(day("2026-05-02"), "handled").build()))
        .containsEntry("rated", false).doesNotContainKey("satisfied");
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).closed(day("2026-03-05"), "not_accepted").build()))
        .doesNotContainKeys("rated", "satisfied");
  }

  @Test
  void repeatPetitionsAndSupervisions() {
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).repeatOf("earlier").build())).containsEntry("repeat", true);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).build())).containsEntry("repeat", false);
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).supervised().build())).containsEntry("overdue", true);
  }

  @Test
  void thePartiesWindowsAreNotOverdueOfTheStaff() {
    var window = clock("petition-review-request", "2026-03-10", 30, CaseClock.EXPIRED, day("2026-04-10"));
    assertThat(facts.facts(petition("p", PATH, day("2026-03-02")).clock(window).build())).containsEntry("overdue", false);
  }

  @Test
  void contributeAddsTheFactsUnderKpi() {
    Map<String, Object> doc = new java.util.HashMap<>();
    facts.contribute(mediation("m", PATH, day("2026-03-02")).build(), doc);
    assertThat(doc).containsKey("kpi");
  }
}
