package org.jiefen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jiefen.web.FieldProblem;
import org.junit.jupiter.api.Test;

/** What each kind of case requires beyond the shapes of its fields. */
class NewCaseRulesTest {

  static final Instant NOW = Instant.parse("2026-05-06T02:00:00Z");
  static final NewCase.Party PETITIONER = new NewCase.Party("王小明", "applicant", "11010519491231002X", "13712345678", null);

  @Test
  void aWellFormedPetitionOfEachChannelPasses() {
    for (String channel : NewCaseRules.PETITION_CHANNELS) {
      NewCase.Visit visit = channel.equals("visit") ? visit(2, null, null, NOW.minusSeconds(3600)) : null;
      String order = channel.equals("hotline_12345") ? "GD2026050600123" : null;
      assertThat(fields(petition("claim", channel, List.of(PETITIONER), null, null, visit, order))).as(channel).isEmpty();
    }
    assertThat(fields(petition("report", "letter", List.of(PETITIONER), null, List.of("张三"), null, null))).isEmpty();
  }

  @Test
  void aPetitionNamesEveryMissingOrForeignField() {
    NewCase request = new NewCase("petition", "反映问题", null, null, new BigDecimal("10"), "walk_in", "440306000000",
        List.of(new NewCase.Party("某公司", "respondent", null, null, null)), null, null, List.of("张三"), null, "A1");
    assertThat(fields(request)).containsExactlyInAnyOrder(
        "petitionKind", "channel", "amount", "accused", "parties", "hotlineOrder");
  }

  @Test
  void aVisitCarriesItsRecordAndOnlyAVisitDoes() {
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null, null, null))).containsExactly("visit");
    assertThat(fields(petition("claim", "letter", List.of(PETITIONER), null, null, visit(1, null, null, NOW), null)))
        .containsExactly("visit");
  }

  @Test
  void theVisitRecordIsConsistentAndRecent() {
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null, visit(4, true, null, NOW), null)))
        .containsExactly("visit.groupVisit");
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null, visit(6, true, 3, NOW), null))).isEmpty();
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null, visit(2, false, 3, NOW), null)))
        .containsExactly("visit.representatives");
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null,
        visit(1, null, null, NOW.plusSeconds(3600)), null))).containsExactly("visit.visitedAt");
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null,
        visit(1, null, null, NOW.minusSeconds(31L * 86400)), null))).containsExactly("visit.visitedAt");
    assertThat(fields(petition("claim", "visit", List.of(PETITIONER), null, null,
        visit(1, null, null, NOW.plusSeconds(120)), null))).as("a clock a little ahead").isEmpty();
  }

  @Test
  void onlyAReportAccusesAndItAccusesOutsideItsParties() {
    assertThat(fields(petition("claim", "letter", List.of(PETITIONER), null, List.of("张三"), null, null)))
        .containsExactly("accused");
    assertThat(fields(petition("report", "letter",
        List.of(PETITIONER, new NewCase.Party("张三", "respondent", null, null, null)), null, null, null, null)))
        .containsExactly("parties[1].role");
    assertThat(fields(petition("report", "letter", List.of(PETITIONER), null, List.of("\u3000"), null, null)))
        .containsExactly("accused[0]");
  }

  @Test
  void mediationKeepsItsRulesAndRefusesPetitionFields() {
    NewCase request = new NewCase("mediation", "纠纷", null, null, null, "visit", "440306001001", List.of(PETITIONER),
        "claim", true, List.of("张三"), visit(1, null, null, NOW), "A1");
    assertThat(fields(request)).containsExactlyInAnyOrder(
        "category", "channel", "petitionKind", "confidential", "accused", "visit", "hotlineOrder");
    NewCase good = new NewCase("mediation", "纠纷", null, "labour", null, "walk_in", "440306001001", List.of(PETITIONER),
        null, null, null, null, null);
    assertThat(fields(good)).isEmpty();
  }

  private static NewCase petition(String kind, String channel, List<NewCase.Party> parties, Boolean confidential,
      List<String> accused, NewCase.Visit visit, String order) {
    return new NewCase("petition", "反映问题", "详情", null, null, channel, "440306000000", parties, kind, confidential,
        accused, visit, order);
  }

  private static NewCase.Visit visit(int visitors, Boolean group, Integer representatives, Instant at) {
    return new NewCase.Visit(visitors, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(8)), group, representatives, null);
  }

  private static List<String> fields(NewCase request) {
    return NewCaseRules.check(request, NOW).stream().map(FieldProblem.Violation::field).toList();
  }
}
