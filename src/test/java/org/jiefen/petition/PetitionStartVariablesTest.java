package org.jiefen.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.CasePetition;
import org.junit.jupiter.api.Test;

/**
 * A petition's process starts with caseId, kind, unitCode, originUnitCode (every case) and exactly
 * these: never the accused (their hashes), the visit record, the hotline work order or any text.
 */
class PetitionStartVariablesTest {

  final PetitionStartVariables variables = new PetitionStartVariables();

  @Test
  void petitionKindChannelRepeatAndRegistrarOnly() {
    CaseFile report = file(List.of("XF-20260101-AAAAA"), new CasePetition("report", true, List.of("a".repeat(64)),
        null, null, null, null, List.of(), List.of(), null, null, null, null, null, false));
    assertThat(variables.kind()).isEqualTo("petition");
    assertThat(variables.forCase(report)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "petitionKind", "report", "channel", "visit", "repeatSuspected", true, "registeredBy", "qu-petition"));
    CaseFile claim = file(List.of(), new CasePetition("claim", false, List.of(), null, null, null, null, List.of(),
        List.of(), null, null, null, null, null, false));
    assertThat(variables.forCase(claim)).containsEntry("repeatSuspected", false).containsEntry("petitionKind", "claim");
  }

  private static CaseFile file(List<String> duplicates, CasePetition petition) {
    Instant at = Instant.parse("2026-05-06T02:00:00Z");
    return new CaseFile("XF-20260506-ABCDE", "ABCDEFGH", "petition", "举报某人", "", null, null, "visit", "440306000000",
        List.of("440306000000"), "REGISTERED", "COUNTY", "440306000000", null, "qu-petition", "440306000000", at, at,
        List.of(), duplicates, duplicates, null, null, null, null, null, List.of(), List.of(), null, petition, List.of(), null);
  }
}
