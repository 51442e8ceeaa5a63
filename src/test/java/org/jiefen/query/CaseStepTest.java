package org.jiefen.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jiefen.cases.CitizenLookup;
import org.junit.jupiter.api.Test;

class CaseStepTest {

  static final LocalDate DAY = LocalDate.of(2026, 12, 30);

  @Test
  void aPetitionIsNamedByTheLatestStageWhoseClockRuns() {
    var handling = standing("petition", "OPEN", List.of(new CitizenLookup.RunningClock("petition-handling", DAY)));
    assertThat(CaseStep.of(handling, List.of("Task_Handle")))
        .isEqualTo(new CaseStep("query.step.petition.handling", null, DAY));
    var review = standing("petition", "OPEN", List.of(new CitizenLookup.RunningClock("petition-handling", DAY),
        new CitizenLookup.RunningClock("petition-review", DAY.plusDays(3))));
    assertThat(CaseStep.of(review, List.of()).key()).isEqualTo("query.step.petition.review");
    assertThat(CaseStep.of(standing("petition", "OPEN", List.of()), List.of()).key()).isEqualTo("query.step.petition.other");
  }

  @Test
  void aMediationIsNamedByItsOpenStepAndLevel() {
    var open = standing("mediation", "OPEN", List.of());
    assertThat(CaseStep.of(open, List.of("Task_RecordSession"))).isEqualTo(new CaseStep("query.step.mediation.session", "TOWN", null));
    assertThat(CaseStep.of(open, List.of("Task_RecordConsent")).key()).isEqualTo("query.step.mediation.consent");
    assertThat(CaseStep.of(open, List.of("Task_CourtRuling")).key()).isEqualTo("query.step.mediation.confirmation");
    assertThat(CaseStep.of(open, List.of()).key()).isEqualTo("query.step.mediation.other");
  }

  @Test
  void closedAndRegisteredCasesSayOnlyThat() {
    var closed = new CitizenLookup.Standing("c", "mediation", "CLOSED", "TOWN", DAY, List.of(), true, null);
    assertThat(CaseStep.of(closed, List.of())).isEqualTo(new CaseStep("query.step.closed", null, DAY));
    assertThat(CaseStep.of(standing("petition", "REGISTERED", List.of()), List.of()).key()).isEqualTo("query.step.registered");
  }

  private static CitizenLookup.Standing standing(String kind, String status, List<CitizenLookup.RunningClock> clocks) {
    return new CitizenLookup.Standing("c", kind, status, "TOWN", null, clocks, false, null);
  }
}
