package org.jiefen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The variables every case's process starts with, and what the case's kind adds: routing data only. */
class ProcessStarterVariablesTest {

  @Test
  void everyCaseGivesItsIdKindAndUnitAndItsKindAddsTheRest() {
    CaseFile file = file("petition");
    ProcessVariables petition = new ProcessVariables() {
      @Override
      public String kind() {
        return "petition";
      }

      @Override
      public Map<String, Object> forCase(CaseFile f) {
        return Map.of("petitionKind", "claim");
      }
    };
    ProcessVariables mediation = new ProcessVariables() {
      @Override
      public String kind() {
        return "mediation";
      }

      @Override
      public Map<String, Object> forCase(CaseFile f) {
        return Map.of("category", "labour");
      }
    };
    assertThat(ProcessStarter.variables(file, List.of(petition, mediation))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "caseId", "XF-20260506-ABCDE", "kind", "petition", "unitCode", "440306000000", "originUnitCode", "440306000000",
        "petitionKind", "claim"));
  }

  static CaseFile file(String kind) {
    Instant at = Instant.parse("2026-05-06T02:00:00Z");
    return new CaseFile("XF-20260506-ABCDE", "ABCDEFGH", kind, "反映问题", "", null, null, "letter", "440306000000",
        List.of("440306000000"), "REGISTERED", "COUNTY", "440306000000", null, "qu-petition", "440306000000", at, at,
        List.of(), List.of(), List.of(), null, null, null, null, null, List.of(), List.of(), null, null, List.of(), null);
  }
}
