package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseClocks;
import org.jiefen.cases.CasePetition;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.cases.PetitionRouting;
import org.jiefen.cases.PetitionSupervisions;
import org.jiefen.deploy.ModelDeployment;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.engine.local.LocalEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The petition workers in the running app, driven by models of the test's own through the real
 * engine, on real cases: a matter forwarded, returned with an objection, forwarded again, reviewed
 * and re-reviewed, rated, handed to mediation (twice, which registers one mediation case) and closed
 * for good; a supervision at the unit above when a clock ran out, the leader's mail, the leader's
 * task, and ownership (包案) shown on every task of the case; the handling unit's staff seeing the
 * case while it works it. Last, the shipped Petition model itself from triage to review on these
 * workers, without an incident.
 *
 * <p>Until petition intake is merged, the cases are registered as mediation cases at the district
 * (their process waits at its first task meanwhile), the Petition process is started directly
 * with the contract's start variables, and the workers add the petition part of the file. The task records the workers read (a competence objection, a rating) are written the way
 * task completion writes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionWorkersApiTest extends AppIntegrationTest {

  static final String DISTRICT = "440306000000";
  static final String XINAN = "440306001000";
  static final String XIXIANG = "440306002000";
  static final String HAIWANG = "440306001001";

  @Autowired TestRestTemplate rest;
  @Autowired CamundaClient camunda;
  @Autowired ModelDeployment deployment;
  @Autowired LocalEngine engine;
  @Autowired CaseTimeline timeline;
  @Autowired CaseClocks clocks;
  @Autowired PetitionRouting routing;
  @Autowired PetitionSupervisions supervisions;
  @Autowired Clock clock;
  ApiDriver api;

  @BeforeAll
  void deployTheProbes() throws IOException {
    BpmnModelInstance route = Bpmn.createExecutableProcess("PetitionRouteProbe")
        .startEvent()
        .serviceTask("T_Options", t -> route(t, "options"))
        .serviceTask("T_Forward", t -> route(t, "forward"))
        .serviceTask("T_Return", t -> route(t, "return"))
        .serviceTask("T_MailReturned", t -> mail(t, "petition-returned", "PETITION_CLERK"))
        .serviceTask("T_ForwardAgain", t -> route(t, "forward"))
        .serviceTask("T_Review", t -> route(t, "review"))
        .serviceTask("T_ReReview", t -> route(t, "re-review"))
        .serviceTask("T_RatingNone", t -> job(t, "jiefen.petition.rating").zeebeTaskHeader("record", "Task_AfterReview"))
        .serviceTask("T_Rating", t -> job(t, "jiefen.petition.rating").zeebeTaskHeader("record", "Task_AfterOpinion"))
        .serviceTask("T_Mediation", t -> job(t, "jiefen.petition.mediation")
            .zeebeOutputExpression("mediationCaseId", "firstMediationCaseId"))
        .serviceTask("T_MediationAgain", t -> job(t, "jiefen.petition.mediation"))
        .serviceTask("T_MailMediation", t -> mail(t, "petition-referred-to-mediation", "PARTIES"))
        .serviceTask("T_Close", t -> job(t, "jiefen.case.close").zeebeTaskHeader("outcome", "closed_final"))
        .endEvent("End_Routed")
        .done();
    BpmnModelInstance supervision = Bpmn.createExecutableProcess("PetitionSupervisionProbe")
        .startEvent()
        .serviceTask("T_Supervise", t -> job(t, "jiefen.petition.supervise"))
        .serviceTask("T_MailOverdue", t -> mail(t, "petition-overdue", "SUPERVISOR")
            .zeebeInputExpression("supervisorUnitCode", "unitCode"))
        .userTask("Task_Supervise", t -> t.name("督办").zeebeUserTask().zeebeFormId("test-petition-supervision")
            .zeebeCandidateGroupsExpression("[\"supervisor:\" + supervisorUnitCode]"))
        .serviceTask("T_Own", t -> job(t, "jiefen.petition.own"))
        .userTask("Task_After", t -> t.name("包案后办理").zeebeUserTask()
            .zeebeCandidateGroupsExpression("[\"petition:\" + unitCode]"))
        .endEvent("End_Supervised")
        .done();
    BpmnModelInstance badRoute = Bpmn.createExecutableProcess("PetitionBadRouteProbe")
        .startEvent()
        .serviceTask("T_ForwardAnywhere", t -> route(t, "forward"))
        .endEvent()
        .done();
    ModelPreparer preparer = new ModelPreparer();
    deployment.deploy(List.of(
        preparer.prepare("test/PetitionRouteProbe.bpmn", bytes(route)),
        preparer.prepare("test/PetitionSupervisionProbe.bpmn", bytes(supervision)),
        preparer.prepare("test/PetitionBadRouteProbe.bpmn", bytes(badRoute)),
        preparer.prepare("test/test-petition-supervision.form", resource("test-petition-supervision.form"))),
        AuditLog.SYSTEM);
  }

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void aMatterIsForwardedReturnedReviewedRatedAndReferredToMediationOnce() {
    String caseId = registerAtTheDistrict();
    String phone = "13812345678";
    timeline.recordTask(caseId, "900001", "Task_ConfirmCompetence", "petition-competence", "确认管辖", "xinan-petition",
        XINAN, Map.of("competent", "no", "reason", "该事项属于区人力资源局职权，经办人电话" + phone));
    timeline.recordTask(caseId, "900002", "Task_AfterOpinion", "petition-after-opinion", "处理意见送达后", "qu-petition",
        DISTRICT, Map.of("reviewRequested", "yes", "satisfaction", "basically_satisfied"));

    long instance = camunda.newCreateInstanceCommand().bpmnProcessId("PetitionRouteProbe").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", DISTRICT, "targetUnitCode", XINAN))
        .send().join().getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(60)).until(() -> api.caseFile(caseId).get("status").asText().equals("CLOSED"));

    // the options: the district's streets (and its departments), never the office itself or a community
    JsonNode options = json(variable(instance, "unitOptions"));
    List<String> values = StreamSupport.stream(options.spliterator(), false).map(o -> o.get("value").asText()).toList();
    assertThat(values).contains(XINAN, XIXIANG).doesNotContain(DISTRICT, HAIWANG);
    assertThat(options).anySatisfy(o -> {
      assertThat(o.get("label").asText()).isEqualTo("新安街道");
      assertThat(o.get("value").asText()).isEqualTo(XINAN);
    });

    // what the process got back: the handling unit, the units above it, the same mediation case twice
    assertThat(variable(instance, "handlingUnitCode")).isEqualTo("\"" + XINAN + "\"");
    assertThat(variable(instance, "reviewUnitCode")).isEqualTo("\"" + DISTRICT + "\"");
    assertThat(variable(instance, "reReviewUnitCode")).as("the top reviews itself").isEqualTo("\"" + DISTRICT + "\"");
    String mediationCaseId = json(variable(instance, "mediationCaseId")).asText();
    assertThat(variable(instance, "firstMediationCaseId")).isEqualTo(variable(instance, "mediationCaseId"));

    // the case file
    CasePetition petition = routing.of(caseId);
    assertThat(petition.handlingUnitCode()).isEqualTo(XINAN);
    assertThat(petition.reviewUnitCode()).isEqualTo(DISTRICT);
    assertThat(petition.reReviewUnitCode()).isEqualTo(DISTRICT);
    assertThat(petition.objections()).singleElement().satisfies(o -> {
      assertThat(o.unitCode()).isEqualTo(XINAN);
      assertThat(o.reason()).contains("区人力资源局职权").contains("138****5678").doesNotContain(phone);
    });
    assertThat(petition.rating()).isEqualTo("basically_satisfied");
    assertThat(petition.mediationCaseId()).isEqualTo(mediationCaseId);
    assertThat(petition.closedFinal()).as("closed after re-review: not accepted again").isTrue();
    JsonNode file = api.caseFile(caseId);
    assertThat(file.get("outcome").asText()).isEqualTo("closed_final");
    assertThat(file.get("currentUnitCode").asText()).as("the re-review unit works it").isEqualTo(DISTRICT);
    assertThat(texts(file.get("links"))).containsExactly(mediationCaseId);
    assertThat(types(file)).containsSubsequence("PETITION_FORWARDED", "PETITION_RETURNED", "PETITION_FORWARDED",
        "PETITION_REVIEW", "PETITION_RE_REVIEW", "PETITION_RATED", "PETITION_RATED", "PETITION_REFERRED_TO_MEDIATION");
    assertThat(types(file)).filteredOn("PETITION_REFERRED_TO_MEDIATION"::equals).hasSize(1);
    assertThat(summaries(file)).contains("信访人评价：未评价", "信访人评价：基本满意")
        .anySatisfy(s -> assertThat(s).startsWith("新安街道认为不属于本机关职权范围，提出异议并退回：该事项属于区人力资源局职权"));

    // one mediation case, for the same parties, at the handling unit, started, linking back
    JsonNode mediation = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.caseFile(mediationCaseId), m -> m != null && m.get("status").asText().equals("OPEN"));
    assertThat(mediation.get("kind").asText()).isEqualTo("mediation");
    assertThat(mediation.get("channel").asText()).isEqualTo("petition");
    assertThat(mediation.get("unitCode").asText()).isEqualTo(XINAN);
    assertThat(texts(mediation.get("links"))).containsExactly(caseId);
    assertThat(mediation.get("parties")).hasSameSizeAs(file.get("parties"));
    assertThat(mediation.get("parties").get(0).get("idNumber").asText())
        .isEqualTo(file.get("parties").get(0).get("idNumber").asText()).contains("*");
    assertThat(mediation.get("title").asText()).isEqualTo(file.get("title").asText());

    // the office's clerk learns of the return with the reason, numbers masked; the petitioner of the referral
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(api.mailsAbout(caseId)).anySatisfy(m -> {
        assertThat(m.get("to").get(0).asText()).isEqualTo("qu-petition@jiefen.local");
        assertThat(m.get("subject").asText()).contains("被新安街道提出异议退回");
        assertThat(m.get("text").asText()).contains("理由：该事项属于区人力资源局职权", "138****5678", "第二十三条")
            .doesNotContain(phone);
      });
      assertThat(api.mailsAbout(caseId)).anySatisfy(m -> {
        assertThat(m.get("to").get(0).asText()).isEqualTo("wang.xm@example.com");
        assertThat(m.get("subject").asText()).contains("转入人民调解");
        assertThat(m.get("text").asText()).contains(mediationCaseId, "由新安街道转入人民调解");
      });
    });
  }

  @Test
  void theHandlingUnitsStaffSeeTheCaseWhileItWorksItAndAReturnIsRecordedOnce() {
    String caseId = registerAtTheDistrict();
    assertThat(api.get("xinan-petition", "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    routing.handledBy(caseId, "scope-forward", PetitionRouting.Move.ASSIGN, XINAN,
        Instant.parse("2026-12-31T16:00:00Z"));
    assertThat(api.get("xinan-petition", "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api.get("xixiang-petition", "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(routing.of(caseId).assignDue()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));

    CasePetition returned = routing.returned(caseId, "scope-return", XINAN, "不属于本街道职权");
    assertThat(routing.returned(caseId, "scope-return", XINAN, "不属于本街道职权")).as("a retry").isEqualTo(returned);
    assertThat(returned.handlingUnitCode()).as("cleared in the stored file").isNull();
    assertThat(routing.of(caseId).handlingUnitCode()).isNull();
    assertThat(routing.of(caseId).assignDue()).isNull();
    assertThat(routing.of(caseId).objections()).hasSize(1);
    assertThat(api.get("xinan-petition", "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode file = api.caseFile(caseId);
    assertThat(file.get("currentUnitCode").asText()).isEqualTo(DISTRICT);
    assertThat(types(file)).filteredOn("PETITION_RETURNED"::equals).hasSize(1);
    assertThat(summaries(file)).anySatisfy(s -> assertThat(s).contains("交办新安街道办理，限2026年12月31日前办结"));
  }

  @Test
  void aSupervisionReachesTheLeaderAboveAndOwnershipShowsOnEveryTaskOfTheCase() {
    String caseId = registerAtTheDistrict();
    CaseClock handling = clocks.start(caseId, "petition-handling", clock.instant().minus(Duration.ofDays(75)), "probe");
    JsonNode consent = api.awaitTask("qu-mediator", caseId, "Task_RecordConsent");
    assertThat(consent.hasNonNull("owner")).isFalse();

    camunda.newCreateInstanceCommand().bpmnProcessId("PetitionSupervisionProbe").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", XINAN, "clockId", "petition-handling"))
        .send().join();

    // the supervision: at the district, above the street whose clock ran out
    JsonNode task = api.awaitTask("qu-leader", caseId, "Task_Supervise");
    assertThat(texts(task.get("candidateGroups"))).containsExactly("supervisor:" + DISTRICT);
    CasePetition.Supervision opened = routing.of(caseId).supervisions().getFirst();
    assertThat(opened.clockId()).isEqualTo("petition-handling");
    assertThat(opened.supervisorUnitCode()).isEqualTo(DISTRICT);
    assertThat(opened.supervisedUnitCode()).isEqualTo(XINAN);
    assertThat(opened.due()).isEqualTo(handling.due());
    assertThat(opened.closed()).isNull();
    assertThat(summaries(api.caseFile(caseId))).anySatisfy(s -> assertThat(s)
        .startsWith("新安街道的信访事项办理期限已于").contains("届满，逾期").endsWith("由宝安区督办"));
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.mailsAbout(caseId)).anySatisfy(m -> {
      assertThat(m.get("to").get(0).asText()).isEqualTo("qu-leader@jiefen.local");
      assertThat(m.get("subject").asText()).contains("督办提示", "信访事项办理期限已届满");
      assertThat(m.get("text").asText()).contains("新安街道办理的信访事项", "已逾期", "包案");
    }));

    // the leader answers and takes ownership
    api.work("qu-leader", task, Map.of("instruction", "请新安街道十日内办结，每周报告进展", "takeOwnership", true));
    CasePetition owned = await().atMost(Duration.ofSeconds(30))
        .until(() -> routing.of(caseId), p -> "qu-leader".equals(p.owner()));
    assertThat(owned.ownerName()).isEqualTo("区政法委 赵刚");
    assertThat(owned.ownedSince()).isNotNull();
    assertThat(owned.supervisions()).singleElement().satisfies(s -> {
      assertThat(s.instruction()).isEqualTo("请新安街道十日内办结，每周报告进展");
      assertThat(s.by()).isEqualTo("qu-leader");
      assertThat(s.closed()).isNotNull();
    });

    // the open task from before and the task created after both show the owner
    JsonNode after = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.openTask("qu-leader", caseId, "Task_After"), t -> t != null);
    assertThat(after.get("owner").asText()).isEqualTo("qu-leader");
    assertThat(after.get("ownerName").asText()).isEqualTo("区政法委 赵刚");
    JsonNode before = api.openTask("qu-mediator", caseId, "Task_RecordConsent");
    assertThat(before.get("owner").asText()).isEqualTo("qu-leader");
    JsonNode ownersTasks = api.get("qu-leader", "/api/v1/tasks?owner=qu-leader&caseId=" + caseId).getBody();
    assertThat(StreamSupport.stream(ownersTasks.spliterator(), false).map(t -> t.get("elementId").asText()))
        .contains("Task_RecordConsent", "Task_After").doesNotContain("Task_Supervise");
    assertThat(api.get("qu-leader", "/api/v1/tasks?owner=xinan-leader&caseId=" + caseId).getBody()).isEmpty();
    assertThat(summaries(api.caseFile(caseId))).contains("区政法委 赵刚（宝安区）包案办理本信访事项");

    // ownership taken again (a retried job) changes nothing
    CasePetition again = supervisions.own(caseId, "retry", "petition-handling", DISTRICT, "qu-leader", "区政法委 赵刚", "x");
    assertThat(again.ownedSince()).isEqualTo(owned.ownedSince());
    assertThat(again.supervisions()).isEqualTo(owned.supervisions());
  }

  @Test
  void theShippedPetitionModelRunsOnTheseWorkersFromTriageToReview() {
    String caseId = registerAtTheDistrict();
    long instance = camunda.newCreateInstanceCommand().bpmnProcessId("Petition").latestVersion()
        .variables(Map.of("caseId", caseId, "kind", "petition", "petitionKind", "claim", "channel", "letter",
            "unitCode", DISTRICT, "originUnitCode", DISTRICT, "repeatSuspected", false, "registeredBy", "intake"))
        .send().join().getProcessInstanceKey();

    JsonNode triage = api.awaitTask("qu-petition", caseId, "Task_Triage");
    assertThat(texts(triage.get("candidateGroups"))).containsExactly("petition:" + DISTRICT);
    api.work("qu-petition", triage, Map.of("triageDecision", "forward", "targetUnitCode", XINAN,
        "reason", "工资拖欠发生在新安街道辖区，属新安街道职责"));
    api.work("xinan-petition", caseId, "Task_ConfirmCompetence",
        Map.of("competent", "yes", "handlingUnit", "新安街道", "note", "已受理"));
    JsonNode handle = api.awaitTask("xinan-petition", caseId, "Task_Handle");
    assertThat(texts(handle.get("candidateGroups"))).containsExactly("petition:" + XINAN);
    api.work("xinan-petition", handle, Map.of("handlingOutcome", "support", "request", "要求补发工资",
        "facts", "经核查，拖欠属实", "opinion", "支持信访人的请求，责令公司补发", "legalBasis", "《劳动合同法》第三十条"));
    api.work("qu-petition", caseId, "Task_AfterOpinion", Map.of("reviewRequested", "yes", "satisfaction", "dissatisfied"));
    JsonNode review = api.awaitTask("qu-petition", caseId, "Task_Review");
    assertThat(texts(review.get("candidateGroups"))).as("the unit above the street").containsExactly("petition:" + DISTRICT);
    api.work("qu-petition", review, Map.of("reviewDecision", "uphold", "request", "要求复查", "facts", "原处理意见事实清楚",
        "outcome", "support", "opinion", "维持原处理意见"));
    api.work("qu-petition", caseId, "Task_AfterReview", Map.of("reReviewRequested", "no", "satisfaction", "satisfied"));

    await().atMost(Duration.ofSeconds(60)).until(() -> api.caseFile(caseId).get("status").asText().equals("CLOSED"));
    JsonNode file = api.caseFile(caseId);
    assertThat(file.get("outcome").asText()).isEqualTo("reviewed");
    CasePetition petition = routing.of(caseId);
    assertThat(petition.handlingUnitCode()).isEqualTo(XINAN);
    assertThat(petition.reviewUnitCode()).isEqualTo(DISTRICT);
    assertThat(petition.rating()).as("the latest rating").isEqualTo("satisfied");
    assertThat(petition.closedFinal()).isFalse();
    assertThat(types(file)).containsSubsequence("PETITION_FORWARDED", "PETITION_RATED", "PETITION_REVIEW", "PETITION_RATED");
    assertThat(StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .filter(i -> i.getProcessInstanceKey() == instance)
        .map(IncidentRecordValue::getErrorMessage)).isEmpty();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.mailLog(caseId)).contains(
        "wang.xm@example.com: 【解纷】您的信访事项已登记（编号 " + caseId + "）",
        "xinan-petition@jiefen.local: 【解纷】信访事项 " + caseId + " 已转送（交办）新安街道",
        "wang.xm@example.com: 【解纷】信访事项 " + caseId + " 受理告知",
        "wang.xm@example.com: 【解纷】信访事项 " + caseId + " 处理意见书已出具",
        "wang.xm@example.com: 【解纷】信访事项 " + caseId + " 复查意见已作出"));
    assertThat(api.mailsAbout(caseId)).anySatisfy(m -> assertThat(m.get("text").asText())
        .contains("新安街道已对您反映的信访事项", "请求宝安区复查"));
  }

  @Test
  void aForwardOutsideTheOfficesOptionsIsAnIncident() {
    String caseId = registerAtTheDistrict();
    long instance = camunda.newCreateInstanceCommand().bpmnProcessId("PetitionBadRouteProbe").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", XINAN, "targetUnitCode", "440305000000"))
        .send().join().getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport
        .stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .anyMatch(i -> i.getProcessInstanceKey() == instance && i.getErrorMessage().contains("not among")));
    assertThat(routing.of(caseId).handlingUnitCode()).isNull();
  }

  // --- helpers

  private String registerAtTheDistrict() {
    String caseId = api.register("intake",
        AppTestSupport.wageDispute(DISTRICT, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    // the case's own process has placed it (its level worker sets the working unit) before the workers move it
    api.awaitTask("qu-mediator", caseId, "Task_RecordConsent");
    return caseId;
  }

  private static ServiceTaskBuilder job(ServiceTaskBuilder task, String type) {
    return task.zeebeJobType(type).zeebeJobRetries("3");
  }

  private static ServiceTaskBuilder route(ServiceTaskBuilder task, String move) {
    return job(task, "jiefen.petition.route").zeebeTaskHeader("move", move);
  }

  private static ServiceTaskBuilder mail(ServiceTaskBuilder task, String template, String recipients) {
    return job(task, "jiefen.notify.mail").zeebeTaskHeader("template", template).zeebeTaskHeader("recipients", recipients);
  }

  private String variable(long instance, String name) {
    return StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValue() instanceof VariableRecordValue v && v.getProcessInstanceKey() == instance
            && v.getScopeKey() == instance && v.getName().equals(name))
        .map(r -> ((VariableRecordValue) r.getValue()).getValue())
        .reduce((a, b) -> b)
        .orElse(null);
  }

  private static JsonNode json(String value) {
    try {
      return new ObjectMapper().readTree(value);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> types(JsonNode file) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false).map(e -> e.get("type").asText()).toList();
  }

  private static List<String> summaries(JsonNode file) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false).map(e -> e.get("summary").asText()).toList();
  }

  private static byte[] bytes(BpmnModelInstance model) {
    return Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PetitionWorkersApiTest.class.getResourceAsStream("/petition-workers/" + name)) {
      return in.readAllBytes();
    }
  }
}
