package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.mail.LocalMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Three-level mediation through the API alone, as mediators work it, with time moved by
 * {@code POST /dev/clock} and mail read from {@code /dev/mail}.
 */
class MediationApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final String LINGZHI = "440306001002";
  static final String XINAN = "440306001000";
  static final String GUSHU = "440306002001";
  static final String XIXIANG = "440306002000";

  @Autowired TestRestTemplate rest;
  @Autowired LocalMailServer mailServer;
  @Autowired org.jiefen.engine.local.LocalEngine engine;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void wageDisputeFailsThreeTimesAtTheVillageIsAgreedAtTheTownAndFollowedUp() {
    String phone = AppTestSupport.uniquePhone();
    String caseId = api.register("intake", dispute(HAIWANG, phone));

    api.work("haiwang-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    for (int attempt = 1; attempt <= 3; attempt++) {
      attempt(caseId, "haiwang-mediator", "not_agreed");
    }

    JsonNode townTask = api.awaitTask("xinan-mediator", caseId, "Task_ScheduleSession", XINAN);
    assertThat(townTask.get("candidateGroups").get(0).asText()).isEqualTo("mediator:" + XINAN);
    assertThat(townTask.get("unitCode").asText()).isEqualTo(XINAN);
    assertThat(api.openTask("haiwang-mediator", caseId, "Task_ScheduleSession"))
        .as("the village no longer holds the task").isNull();
    JsonNode escalated = api.caseFile(caseId);
    assertThat(escalated.get("level").asText()).isEqualTo("TOWN");
    assertThat(escalated.get("currentUnitCode").asText()).isEqualTo(XINAN);
    assertThat(api.get("xinan-leader", "/api/v1/cases/" + caseId).getStatusCode().value()).isEqualTo(200);

    attempt(caseId, "xinan-mediator", "agreed");
    api.work("xinan-mediator", caseId, "Task_RecordAgreement", Map.of(
        "facts", "被申请人拖欠申请人三个月工资共计一万八千元。",
        "terms", "被申请人于2026年12月31日前一次性支付工资一万八千元。",
        "performanceMethod", "银行转账",
        "performBy", "2026-12-31"));
    api.work("xinan-mediator", caseId, "Task_RecordSignatures",
        Map.of("signers", List.of("party-0", "mediator"), "signedOn", "2026-11-25"));
    api.work("xinan-mediator", caseId, "Task_RecordSignatures",
        Map.of("signers", List.of("party-1"), "signedOn", "2026-11-26"));

    JsonNode agreed = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.caseFile(caseId), f -> f.path("agreement").hasNonNull("effective"));
    JsonNode agreement = agreed.get("agreement");
    assertThat(agreement.get("terms").asText()).contains("一万八千元");
    assertThat(agreement.get("signers")).hasSize(3).allSatisfy(s -> assertThat(s.hasNonNull("recorded")).isTrue());
    assertThat(agreement.get("signers").get(0).get("label").asText()).isEqualTo("申请人 王小明");

    assertThat(api.openTask("xinan-mediator", caseId, "Task_FollowUp")).isNull();
    awaitTimer(caseId, "Timer_FollowUp"); // armed once the agreement-effective mail is queued
    api.advanceClock("P30DT1H");
    JsonNode followUp = api.awaitTask("xinan-mediator", caseId, "Task_FollowUp");
    assertThat(followUp.get("candidateGroups").get(0).asText()).isEqualTo("mediator:" + XINAN);

    JsonNode file = api.caseFile(caseId);
    assertThat(types(file)).containsSubsequence(
        "CASE_REGISTERED", "LEVEL_ENTERED", "TASK_RECORD", "ESCALATED", "AGREEMENT_RECORDED",
        "AGREEMENT_SIGNED", "AGREEMENT_SIGNED", "AGREEMENT_EFFECTIVE", "TASK_CREATED");
    assertThat(types(file)).filteredOn("TASK_RECORD"::equals).hasSize(1 + 2 * 3 + 2 + 1 + 2);

    // every mail once: parties hear of acceptance, each session, the escalation and the agreement;
    // the village mediator of its three sessions; the town mediator of the rest and the follow-up
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> mails = api.mailLog(caseId);
      assertThat(to(mails, "wang.xm@example.com")).hasSize(7);
      assertThat(to(mails, "hr@laowu.example.com")).hasSize(7);
      assertThat(to(mails, "haiwang-mediator@jiefen.local")).hasSize(3);
      assertThat(to(mails, "xinan-mediator@jiefen.local")).hasSize(4);
    });
    assertThat(String.join("\n", api.mailLog(caseId))).doesNotContain(phone);
  }

  @Test
  void theLevelDeadlineWarnsThenEscalatesToTheTown() {
    String caseId = api.register("intake", dispute(LINGZHI, AppTestSupport.uniquePhone()));
    api.work("lingzhi-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    api.awaitTask("lingzhi-mediator", caseId, "Task_ScheduleSession");

    api.advanceClock("P26D");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(api.mailLog(caseId))
        .anySatisfy(m -> assertThat(m).startsWith("lingzhi-leader@jiefen.local")));
    assertThat(api.openTask("lingzhi-mediator", caseId, "Task_ScheduleSession")).as("a warning interrupts nothing").isNotNull();

    api.advanceClock("P5D");
    JsonNode town = api.awaitTask("xinan-mediator", caseId, "Task_ScheduleSession", XINAN);
    assertThat(town.get("unitCode").asText()).isEqualTo(XINAN);
    assertThat(types(api.caseFile(caseId))).contains("ESCALATED");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      List<String> mails = api.mailLog(caseId);
      assertThat(to(mails, "lingzhi-leader@jiefen.local")).hasSize(2); // warning, then deadline passed
      assertThat(to(mails, "lingzhi-mediator@jiefen.local")).hasSize(1); // warning
      assertThat(to(mails, "xinan-mediator@jiefen.local")).hasSize(1); // escalated to them
    });
  }

  /** SMTP down while two cases escalate; when it is back, every expected mail goes out once. */
  @Test
  void mailQueuedWhileSmtpIsDownGoesOutOnceWhenItIsBack() {
    String first = api.register("intake", dispute(GUSHU, AppTestSupport.uniquePhone()));
    String second = api.register("intake", dispute(GUSHU, AppTestSupport.uniquePhone()));
    for (String caseId : List.of(first, second)) {
      api.work("gushu-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> api.mailLog(first).size() == 2 && api.mailLog(second).size() == 2);

    mailServer.stop();
    try {
      for (String caseId : List.of(first, second)) {
        for (int attempt = 1; attempt <= 3; attempt++) {
          attempt(caseId, "gushu-mediator", "not_agreed");
        }
        api.awaitTask("xixiang-mediator", caseId, "Task_ScheduleSession", XIXIANG);
      }
      api.advanceClock("PT10M");
    } finally {
      mailServer.start();
    }
    api.advanceClock("PT5M");

    for (String caseId : List.of(first, second)) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        List<String> mails = api.mailLog(caseId);
        // the parties: accepted, 3 sessions, escalated; the mediators: their sessions, the escalation
        // (other tests may add mediators to these units, so each known recipient is counted)
        assertThat(to(mails, "wang.xm@example.com")).hasSize(5);
        assertThat(to(mails, "hr@laowu.example.com")).hasSize(5);
        assertThat(to(mails, "gushu-mediator@jiefen.local")).hasSize(3);
        assertThat(to(mails, "xixiang-mediator@jiefen.local")).hasSize(1);
      });
    }
  }

  private void awaitTimer(String caseId, String elementId) {
    EngineTimers.awaitTimer(engine, caseId, elementId);
  }

  private void attempt(String caseId, String mediator, String outcome) {
    api.work(mediator, caseId, "Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));
    api.work(mediator, caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-01", "participants", "双方当事人", "summary", "双方就工资数额各执一词", "sessionOutcome", outcome));
  }

  /** A wage dispute with a fresh applicant (the same party twice would be flagged as a duplicate). */
  static Map<String, Object> dispute(String unitCode, String phone) {
    return Map.of(
        "kind", "mediation",
        "title", "王某与某劳务公司拖欠工资纠纷",
        "description", "拖欠三个月工资共计一万八千元，多次催讨未果。",
        "category", "labour",
        "channel", "walk_in",
        "unitCode", unitCode,
        "parties", List.of(
            Map.of("name", "王小明", "role", "applicant", "idNumber", AppTestSupport.uniqueIdNumber(),
                "phone", phone, "email", "wang.xm@example.com"),
            Map.of("name", "某劳务派遣有限公司", "role", "respondent", "email", "hr@laowu.example.com")));
  }

  private static List<String> to(List<String> mails, String address) {
    return mails.stream().filter(m -> m.startsWith(address + ":")).toList();
  }

  private static List<String> types(JsonNode file) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false).map(e -> e.get("type").asText()).toList();
  }
}
