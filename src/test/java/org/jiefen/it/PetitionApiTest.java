package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Petitions through the API in local mode with time moved by {@code POST /dev/clock}: one left
 * untouched goes yellow, then red after 15 days with a supervision (督办) task one level up; one
 * handled with an approved extension closes on time; the case shows every clock with its article.
 */
class PetitionApiTest extends AppIntegrationTest {

  static final String XINAN = MediationApiTest.XINAN;
  static final String DISTRICT = "440306000000";

  @Autowired TestRestTemplate rest;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void aPetitionLeftUntouchedTurnsYellowThenRedAndIsSupervisedOneLevelUp() {
    String caseId = api.register("xinan-petition", petition("反映某小区物业违规收取停车费"));
    JsonNode triage = api.awaitTask("xinan-petition", caseId, "Task_Triage");
    assertThat(triage.get("candidateGroups").get(0).asText()).isEqualTo("petition:" + XINAN);
    assertThat(triage.get("dueState").asText()).isEqualTo("GREEN");
    JsonNode clock = clock(api.caseFile(caseId), "petition-triage");
    assertThat(clock.get("basis").asText()).contains("信访工作条例");
    assertThat(clock.get("dueState").asText()).isEqualTo("GREEN");

    api.advanceClock("P13D");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(clock(api.caseFile(caseId), "petition-triage").get("dueState").asText()).isEqualTo("YELLOW");
      assertThat(api.openTask("xinan-petition", caseId, "Task_Triage").get("dueState").asText()).isEqualTo("YELLOW");
    });

    api.advanceClock("P3D");
    JsonNode supervise = api.awaitTask("qu-leader", caseId, "Task_Supervise");
    assertThat(supervise.get("candidateGroups").get(0).asText()).isEqualTo("supervisor:" + DISTRICT);
    // the clock's expiry is its own job beside the supervision: wait for it as for the warning
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode red = api.caseFile(caseId);
      assertThat(clock(red, "petition-triage").get("dueState").asText()).isEqualTo("RED");
      assertThat(clock(red, "petition-triage").get("state").asText()).isEqualTo("OVERDUE");
      assertThat(api.openTask("xinan-petition", caseId, "Task_Triage").get("dueState").asText()).isEqualTo("RED");
    });
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.mailLog(caseId))
        .anySatisfy(m -> assertThat(m).startsWith("qu-leader@jiefen.local")));
  }

  @Test
  void aPetitionHandledWithAnApprovedExtensionClosesOnTime() {
    String caseId = api.register("xinan-petition", petition("反映某公司未缴纳社会保险费"));
    api.work("xinan-petition", caseId, "Task_Triage", Map.of("triageDecision", "accept", "reason", "属于本机关职责范围"));
    api.work("xinan-petition", caseId, "Task_Handle", Map.of(
        "handlingOutcome", "extension", "extensionReason", "需调取五年社保缴费记录，情况复杂"));
    api.work("xinan-leader", caseId, "Task_ApproveExtension", Map.of("extensionApproved", "yes"));
    JsonNode handle = api.awaitTask("xinan-petition", caseId, "Task_Handle");
    JsonNode extended = clock(api.caseFile(caseId), "petition-handling");
    assertThat(extended.get("extensions")).hasSize(1);
    assertThat(extended.get("basis").asText()).contains("第三十四条");

    // day 70: past the first 60 days, within the extended 90
    api.advanceClock("P35D");
    api.advanceClock("P35D");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.openTask("xinan-petition", caseId, "Task_Handle") != null);
    assertThat(api.openTask("qu-leader", caseId, "Task_Supervise")).as("no supervision").isNull();
    api.work("xinan-petition", handle, Map.of(
        "handlingOutcome", "support",
        "request", "要求补缴社会保险费。",
        "facts", "经核实，某公司自2021年3月起未为信访人缴纳社会保险费。",
        "opinion", "责成某公司于三十日内补缴。",
        "legalBasis", "《中华人民共和国社会保险法》第五十八条。"));
    api.work("xinan-petition", caseId, "Task_AfterOpinion", Map.of("reviewRequested", "no", "satisfaction", "satisfied"));

    JsonNode closed = await().atMost(Duration.ofSeconds(30)).until(() -> api.caseFile(caseId),
        f -> "handled".equals(f.path("outcome").asText()));
    JsonNode handling = clock(closed, "petition-handling");
    assertThat(handling.get("state").asText()).isEqualTo("MET");
    assertThat(clock(closed, "petition-triage").get("state").asText()).isEqualTo("MET");
    assertThat(StreamSupport.stream(closed.get("clocks").spliterator(), false))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("basis").asText()).as(c.get("id").asText()).contains("信访工作条例"))
        .noneSatisfy(c -> assertThat(c.get("state").asText()).isIn("OVERDUE", "RUNNING"));
    assertThat(StreamSupport.stream(closed.get("documents").spliterator(), false).map(d -> d.get("type").asText()))
        .contains("petition-acceptance", "petition-opinion");
    assertThat(closed.get("petition").get("rating").asText()).isEqualTo("satisfied");
  }

  private static Map<String, Object> petition(String title) {
    return Map.of(
        "kind", "petition",
        "petitionKind", "claim",
        "channel", "letter",
        "unitCode", XINAN,
        "title", title,
        "description", "信访人来信反映，要求依法处理。",
        "parties", List.of(Map.of("name", "赵信访", "role", "applicant", "idNumber", AppTestSupport.uniqueIdNumber(),
            "phone", AppTestSupport.uniquePhone(), "email", "zhao.xf@example.com")));
  }

  private static JsonNode clock(JsonNode file, String id) {
    return StreamSupport.stream(file.path("clocks").spliterator(), false)
        .filter(c -> c.get("id").asText().equals(id)).findFirst().orElse(null);
  }
}
