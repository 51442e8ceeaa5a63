package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Court confirmation through the API in local mode: a town-level agreement the parties want
 * confirmed yields the agreement and the application PDFs in the case file; the court's clocks
 * show on the case and turn red when the clock is moved past them; the ruling ends in mails to
 * the parties.
 */
class ConfirmationApiTest extends AppIntegrationTest {

  static final String HAIWANG = MediationApiTest.HAIWANG;
  static final String XINAN = MediationApiTest.XINAN;
  static final String COURT = "深圳市宝安区人民法院";

  @Autowired TestRestTemplate rest;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void aTownAgreementIsConfirmedByTheDistrictCourt() {
    // 120,000 yuan: triage starts at the town (新安街道)
    Map<String, Object> dispute = new HashMap<>(MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    dispute.put("amount", 120000);
    String caseId = api.register("intake", dispute);

    api.work("xinan-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    api.work("xinan-mediator", caseId, "Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));
    api.work("xinan-mediator", caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-01", "participants", "双方当事人", "summary", "双方达成一致", "sessionOutcome", "agreed"));
    api.work("xinan-mediator", caseId, "Task_RecordAgreement", Map.of(
        "facts", "被申请人拖欠申请人工资共计十二万元。",
        "terms", "被申请人于2026年12月31日前分两期支付十二万元。",
        "performanceMethod", "银行转账",
        "performBy", "2026-12-31",
        "confirmationWanted", true,
        "agreementMatter", "none"));
    JsonNode agreementDoc = awaitDocument(caseId, "mediation-agreement");
    api.work("xinan-mediator", caseId, "Task_RecordSignatures",
        Map.of("signers", List.of("party-0", "party-1", "mediator"), "signedOn", "2026-12-02"));

    JsonNode waiting = await().atMost(Duration.ofSeconds(20)).until(() -> api.caseFile(caseId),
        f -> "WAITING_APPLICATION".equals(f.path("confirmation").path("status").asText())
            && clock(f, "confirmation-application") != null);
    assertThat(waiting.get("confirmation").get("court").asText()).isEqualTo(COURT);
    JsonNode window = clock(waiting, "confirmation-application");
    assertThat(window.get("basis").asText()).contains("人民调解法", "第三十三条");
    assertThat(window.get("state").asText()).isEqualTo("RUNNING");

    JsonNode prepare = api.awaitTask("xinan-mediator", caseId, "Task_PrepareApplication");
    assertThat(prepare.path("due").asText()).isNotBlank();
    api.work("xinan-mediator", prepare, Map.of(
        "applicationDecision", "apply", "court", COURT, "attachments", List.of("agreement", "identity", "addresses")));
    JsonNode applicationDoc = awaitDocument(caseId, "confirmation-application");
    for (JsonNode doc : List.of(agreementDoc, applicationDoc)) {
      ResponseEntity<byte[]> pdf = rest.withBasicAuth("xinan-mediator", "demo")
          .getForEntity("/api/v1/cases/" + caseId + "/documents/" + doc.get("sha256").asText(), byte[].class);
      assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
      assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }

    // The court liaison of the district (宝安区) answers for the court; its 3-day clock runs out.
    JsonNode acceptance = api.awaitTask("qu-court", caseId, "Task_CourtAcceptance");
    assertThat(acceptance.get("candidateGroups").get(0).asText()).isEqualTo("court:440306000000");
    assertThat(clock(api.caseFile(caseId), "court-acceptance").get("dueState").asText()).isEqualTo("GREEN");
    api.advanceClockPast(java.time.Instant.parse(clock(api.caseFile(caseId), "court-acceptance").get("due").asText()));
    // Moving the shared clock also fires the timers of every case the earlier test classes left open.
    JsonNode overdue = await().atMost(Duration.ofSeconds(60)).until(() -> api.caseFile(caseId),
        f -> "OVERDUE".equals(clock(f, "court-acceptance").path("state").asText()));
    assertThat(clock(overdue, "court-acceptance").get("dueState").asText()).isEqualTo("RED");
    assertThat(clock(overdue, "court-acceptance").get("basis").asText()).contains("第四条");
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.mailLog(caseId))
        .anySatisfy(m -> assertThat(m).startsWith("qu-court@jiefen.local").contains("期限已届满"))
        .anySatisfy(m -> assertThat(m).startsWith("xinan-leader@jiefen.local").contains("期限已届满")));

    api.work("qu-court", caseId, "Task_CourtAcceptance", Map.of(
        "acceptance", "accepted", "acceptedOn", today(), "courtCaseNumber", "（2026）粤0306民特88号"));
    JsonNode accepted = await().atMost(Duration.ofSeconds(20)).until(() -> api.caseFile(caseId),
        f -> clock(f, "court-decision") != null);
    assertThat(clock(accepted, "court-decision").get("state").asText()).isEqualTo("RUNNING");
    assertThat(clock(accepted, "court-acceptance").get("state").asText()).isNotIn("RUNNING", "OVERDUE");
    assertThat(accepted.get("confirmation").get("status").asText()).isEqualTo("ACCEPTED");

    api.work("qu-court", caseId, "Task_CourtRuling", Map.of(
        "ruling", "confirmed", "decidedOn", today(), "rulingNumber", "（2026）粤0306民特88号"));
    JsonNode confirmed = await().atMost(Duration.ofSeconds(20)).until(() -> api.caseFile(caseId),
        f -> "CONFIRMED".equals(f.path("confirmation").path("status").asText()));
    assertThat(confirmed.get("confirmation").get("rulingNumber").asText()).isEqualTo("（2026）粤0306民特88号");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(types(api.caseFile(caseId)))
        .contains("CONFIRMATION_SUBMITTED", "CONFIRMATION_ACCEPTED", "CONFIRMATION_CONFIRMED"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> mails = api.mailLog(caseId);
      assertThat(mails).anySatisfy(m -> assertThat(m).startsWith("wang.xm@example.com").contains("确认有效"));
      assertThat(mails).anySatisfy(m -> assertThat(m).startsWith("hr@laowu.example.com").contains("确认有效"));
    });
  }

  @Test
  void anAgreementOnAMarriageRelationshipIsRefusedAtOnceWithTheReason() {
    Map<String, Object> dispute = new HashMap<>(MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    dispute.put("category", "family");
    dispute.put("title", "张某与李某婚姻家庭纠纷");
    String caseId = api.register("intake", dispute);
    api.work("haiwang-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    api.work("haiwang-mediator", caseId, "Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));
    api.work("haiwang-mediator", caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-01", "participants", "双方当事人", "summary", "达成一致", "sessionOutcome", "agreed"));
    api.work("haiwang-mediator", caseId, "Task_RecordAgreement", Map.of(
        "facts", "双方就财产分割达成一致。", "terms", "按约定分割。", "performanceMethod", "当面交付",
        "performBy", "2026-12-31", "confirmationWanted", true, "agreementMatter", "marriage"));
    api.work("haiwang-mediator", caseId, "Task_RecordSignatures",
        Map.of("signers", List.of("party-0", "party-1", "mediator"), "signedOn", "2026-12-02"));
    JsonNode refused = await().atMost(Duration.ofSeconds(20)).until(() -> api.caseFile(caseId),
        f -> "REFUSED".equals(f.path("confirmation").path("status").asText()));
    assertThat(refused.get("confirmation").get("reason").asText()).contains("婚姻关系", "不适用司法确认");
    assertThat(clock(refused, "confirmation-application")).as("no window opens").isNull();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.mailLog(caseId))
        .anySatisfy(m -> assertThat(m).startsWith("wang.xm@example.com").contains("不适用司法确认")));
  }

  private JsonNode awaitDocument(String caseId, String type) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> StreamSupport.stream(api.caseFile(caseId).path("documents").spliterator(), false)
            .filter(d -> d.get("type").asText().equals(type)).findFirst().orElse(null),
        d -> d != null);
  }

  private static JsonNode clock(JsonNode file, String id) {
    return StreamSupport.stream(file.path("clocks").spliterator(), false)
        .filter(c -> c.get("id").asText().equals(id)).findFirst().orElse(null);
  }

  private String today() {
    Instant now = Instant.parse(rest.getForObject("/dev/clock", JsonNode.class).get("now").asText());
    return LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")).toString();
  }

  private static List<String> types(JsonNode file) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false).map(e -> e.get("type").asText()).toList();
  }
}
