package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.deploy.ModelDeployment;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.forms.FormRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Task completion through the API against a model of the test's own (not the mediation model):
 * submissions are checked against the task's form, recorded in the case file, and only the form's
 * process fields reach the engine; task lists show and filter the due state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskFormApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final String ID_NUMBER = "11010519491231002X";
  static final String PHONE = "13712345678";

  @Autowired TestRestTemplate rest;
  @Autowired CamundaClient camunda;
  @Autowired ModelDeployment deployment;
  @Autowired FormRegistry forms;
  @Autowired CaseTimeline timeline;
  @Autowired LocalEngine engine;
  @Autowired Clock clock;

  /** What the job after the user tasks saw, per case: its variables and the task record it could read. */
  record AfterRecord(Map<String, Object> variables, Optional<CaseEvent> record) {}

  private final Map<String, AfterRecord> seen = new ConcurrentHashMap<>();
  private JobWorker worker;

  @BeforeAll
  void deployTheTestModelAndItsForm() throws IOException {
    ModelPreparer preparer = new ModelPreparer();
    deployment.deploy(
        List.of(
            preparer.prepare("FormTaskTest.bpmn", resource("FormTaskTest.bpmn")),
            preparer.prepare("test-visit-record.form", resource("test-visit-record.form"))),
        AuditLog.SYSTEM);
    worker =
        camunda
            .newWorker()
            .jobType("jiefen.test.after-record")
            .handler(
                (client, job) -> {
                  Map<String, Object> variables = job.getVariablesAsMap();
                  String caseId = (String) variables.get("caseId");
                  seen.put(caseId, new AfterRecord(variables, timeline.latestRecord(caseId, "Task_Record")));
                  client.newCompleteCommand(job).send().join();
                })
            .pollInterval(Duration.ofMillis(200))
            .streamEnabled(true)
            .open();
  }

  @AfterAll
  void stopWorker() {
    if (worker != null) {
      worker.close();
    }
  }

  @Test
  void theDeploymentRegisteredTheForm() {
    assertThat(forms.find("test-visit-record")).hasValueSatisfying(f -> {
      assertThat(f.version()).isPositive();
      assertThat(f.deployedBy()).isEqualTo("system");
    });
    assertThat(forms.schema("mediation-session")).as("the shipped form, registered at start").isPresent();
  }

  @Test
  void invalidValuesAreRefusedNamingEachFieldAndReachNeitherEngineNorCaseFile() {
    String caseId = registerCase();
    startInstance(caseId, clock.instant().plus(Duration.ofDays(5)), null);
    String taskId = claim(awaitTask(caseId, "Task_Record"));

    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("visitDate", "2026/11/20");
    bad.put("partyName", "<b>MARK9Z</b>");
    bad.put("contactPhone", "12345");
    bad.put("result", "MARK9Z");
    bad.put("applicantIdNumber", ID_NUMBER);
    ResponseEntity<JsonNode> refused = complete(taskId, bad);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(refused.getBody()))
        .containsExactlyInAnyOrder("visitDate", "partyName", "contactPhone", "result", "applicantIdNumber");
    assertThat(refused.getBody().get("field").asText()).isEqualTo("visitDate");

    ResponseEntity<JsonNode> missing = complete(taskId, Map.of());
    assertThat(fields(missing.getBody())).containsExactlyInAnyOrder("visitDate", "partyName", "result");

    assertThat(get("/api/v1/tasks/" + taskId).getBody().get("state").asText()).isEqualTo("ASSIGNED");
    assertThat(types(get("/api/v1/cases/" + caseId).getBody().get("timeline"))).doesNotContain("TASK_RECORD");
    assertThat(engineRecords()).doesNotContain("MARK9Z").doesNotContain(ID_NUMBER);

    // the task is still open in the engine: a valid submission completes it
    assertThat(complete(taskId, visit("王小明", "已回访")).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theCaseFileGetsEverythingMaskedAndTheEngineOnlyTheProcessFields() {
    String caseId = registerCase();
    startInstance(caseId, null, null);
    String recordTask = claim(awaitTask(caseId, "Task_Record"));
    Map<String, Object> visit = visit("王小明", "当事人（身份证 " + ID_NUMBER + "）表示满意，电话 " + PHONE + "。");

    ResponseEntity<JsonNode> done = complete(recordTask, visit);

    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody().get("state").asText()).isEqualTo("COMPLETED");
    // the record is in the case file as the call returns
    JsonNode file = get("/api/v1/cases/" + caseId).getBody();
    JsonNode record = event(file, "TASK_RECORD");
    assertThat(record.get("elementId").asText()).isEqualTo("Task_Record");
    assertThat(record.get("taskId").asText()).isEqualTo(recordTask);
    assertThat(record.get("formId").asText()).isEqualTo("test-visit-record");
    assertThat(record.get("actor").asText()).isEqualTo("haiwang-mediator");
    assertThat(record.get("summary").asText()).isEqualTo("回访记录");
    JsonNode data = record.get("data");
    assertThat(data.get("partyName").asText()).isEqualTo("王小明");
    assertThat(data.get("contactPhone").asText()).isEqualTo("137****5678");
    assertThat(data.get("notes").asText()).contains("110105********002X").contains("137****5678");
    assertThat(data.get("result").asText()).isEqualTo("satisfied");
    assertThat(file.toString()).doesNotContain(ID_NUMBER).doesNotContain(PHONE);

    // a task without a form takes no values
    String acknowledge = claim(awaitTask(caseId, "Task_Acknowledge"));
    ResponseEntity<JsonNode> refused = complete(acknowledge, Map.of("result", "satisfied"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused.getBody())).containsExactly("result");
    assertThat(complete(acknowledge, Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);

    AfterRecord after = await().atMost(Duration.ofSeconds(20)).until(() -> seen.get(caseId), a -> a != null);
    assertThat(after.variables())
        .containsEntry("caseId", caseId)
        .containsEntry("visitDate", "2026-11-20")
        .containsEntry("result", "satisfied")
        .doesNotContainKeys("partyName", "contactPhone", "notes");
    assertThat(after.record()).hasValueSatisfying(r -> {
      assertThat(r.taskId()).isEqualTo(recordTask);
      assertThat(r.data()).containsEntry("partyName", "王小明").containsEntry("contactPhone", "137****5678");
    });
    assertThat(engineRecords()).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain("王小明");
  }

  @Test
  void latestRecordIsTheMostRecentOfThatElement() {
    String caseId = registerCase();
    assertThat(timeline.latestRecord(caseId, "Task_Record")).isEmpty();
    startInstance(caseId, null, null);
    String first = claim(awaitTask(caseId, "Task_Record"));
    complete(first, visit("第一次", "首次回访"));
    startInstance(caseId, null, null);
    String second =
        claim(await().atMost(Duration.ofSeconds(15)).until(() -> openTask(caseId, "Task_Record"), t -> t != null));
    complete(second, visit("第二次", "再次回访"));

    assertThat(timeline.latestRecord(caseId, "Task_Record"))
        .hasValueSatisfying(r -> assertThat(r.data()).containsEntry("partyName", "第二次"));
    assertThat(timeline.latestRecord(caseId, "Task_Acknowledge")).isEmpty();
    assertThat(timeline.latestRecord("MD-OTHER", "Task_Record")).isEmpty();
  }

  @Test
  void dueStateFollowsTheClockAndFiltersTheList() {
    String caseId = registerCase();
    Instant now = clock.instant();
    startInstance(caseId, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(2)));
    String taskId = awaitTask(caseId, "Task_Record").get("id").asText();
    // a second instance whose record is done: its acknowledgement has no due date
    startInstance(caseId, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(2)));
    String other = claim(await().atMost(Duration.ofSeconds(15)).until(() -> openTask(caseId, "Task_Record", taskId), t -> t != null));
    complete(other, visit("王小明", "已回访"));
    String undated = awaitTask(caseId, "Task_Acknowledge").get("id").asText();

    JsonNode task = get("/api/v1/tasks/" + taskId).getBody();
    assertThat(task.get("due").asText()).isNotBlank();
    assertThat(task.get("followUp").asText()).isNotBlank();
    assertThat(task.get("dueState").asText()).isEqualTo("GREEN");
    assertThat(ids("caseId=" + caseId + "&dueState=GREEN")).contains(taskId);
    assertThat(ids("caseId=" + caseId + "&dueState=YELLOW")).isEmpty();
    assertThat(ids("caseId=" + caseId + "&dueState=NONE")).contains(undated, other).doesNotContain(taskId);
    assertThat(get("/api/v1/tasks/" + undated).getBody().get("dueState").asText()).isEqualTo("NONE");
    assertThat(get("/api/v1/tasks/" + other).getBody().get("dueState").asText()).as("completed").isEqualTo("NONE");

    // sorted by due date, soonest first, tasks without one last
    List<JsonNode> all = list("caseId=" + caseId);
    assertThat(all.get(all.size() - 1).get("id").asText()).isEqualTo(undated);
    List<Instant> dues = all.stream().filter(t -> t.has("due")).map(t -> Instant.parse(t.get("due").asText())).toList();
    assertThat(dues).isSorted().hasSize(all.size() - 1);

    advance("P3D");
    assertThat(get("/api/v1/tasks/" + taskId).getBody().get("dueState").asText()).isEqualTo("YELLOW");
    assertThat(ids("caseId=" + caseId + "&dueState=YELLOW")).containsExactly(taskId);
    assertThat(ids("caseId=" + caseId + "&dueState=GREEN")).doesNotContain(taskId);

    advance("P3D");
    assertThat(get("/api/v1/tasks/" + taskId).getBody().get("dueState").asText()).isEqualTo("RED");
    assertThat(ids("caseId=" + caseId + "&dueState=RED")).containsExactly(taskId);
    assertThat(ids("caseId=" + caseId + "&dueState=YELLOW")).isEmpty();

    ResponseEntity<JsonNode> bad = get("/api/v1/tasks?dueState=PURPLE");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().get("field").asText()).isEqualTo("dueState");
  }

  // --- helpers ---

  private static Map<String, Object> visit(String party, String notes) {
    Map<String, Object> visit = new HashMap<>();
    visit.put("visitDate", "2026-11-20");
    visit.put("partyName", party);
    visit.put("contactPhone", PHONE);
    visit.put("notes", notes);
    visit.put("result", "satisfied");
    return visit;
  }

  private void startInstance(String caseId, Instant due, Instant followUp) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", caseId);
    variables.put("unitCode", HAIWANG);
    variables.put("due", due == null ? null : due.toString());
    variables.put("followUp", followUp == null ? null : followUp.toString());
    camunda.newCreateInstanceCommand().bpmnProcessId("FormTaskTest").latestVersion().variables(variables).send().join();
  }

  private String registerCase() {
    ResponseEntity<JsonNode> created =
        rest.withBasicAuth("intake", "demo")
            .postForEntity(
                "/api/v1/cases",
                AppTestSupport.wageDispute(HAIWANG, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()),
                JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  private JsonNode awaitTask(String caseId, String elementId) {
    return await().atMost(Duration.ofSeconds(15)).until(() -> openTask(caseId, elementId), t -> t != null);
  }

  private JsonNode openTask(String caseId, String elementId, String... except) {
    return list("caseId=" + caseId).stream()
        .filter(t -> t.get("elementId").asText().equals(elementId))
        .filter(t -> List.of("CREATED", "ASSIGNED").contains(t.get("state").asText()))
        .filter(t -> !List.of(except).contains(t.get("id").asText()))
        .findFirst()
        .orElse(null);
  }

  private String claim(JsonNode task) {
    String id = task.get("id").asText();
    ResponseEntity<JsonNode> claimed =
        rest.withBasicAuth("haiwang-mediator", "demo").postForEntity("/api/v1/tasks/" + id + "/claim", null, JsonNode.class);
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
    return id;
  }

  private ResponseEntity<JsonNode> complete(String taskId, Map<String, Object> body) {
    return rest.withBasicAuth("haiwang-mediator", "demo")
        .postForEntity("/api/v1/tasks/" + taskId + "/complete", body, JsonNode.class);
  }

  private void advance(String duration) {
    assertThat(rest.postForEntity("/dev/clock", Map.of("advance", duration), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<JsonNode> get(String path) {
    return rest.withBasicAuth("haiwang-mediator", "demo").getForEntity(path, JsonNode.class);
  }

  private List<JsonNode> list(String query) {
    JsonNode tasks = get("/api/v1/tasks?" + query).getBody();
    List<JsonNode> out = new ArrayList<>();
    tasks.forEach(out::add);
    return out;
  }

  private List<String> ids(String query) {
    return list(query).stream().map(t -> t.get("id").asText()).toList();
  }

  private static List<String> fields(JsonNode problem) {
    return StreamSupport.stream(problem.get("errors").spliterator(), false).map(e -> e.get("field").asText()).toList();
  }

  private static List<String> types(JsonNode timeline) {
    return StreamSupport.stream(timeline.spliterator(), false).map(e -> e.get("type").asText()).toList();
  }

  private static JsonNode event(JsonNode file, String type) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + file.get("timeline")));
  }

  private String engineRecords() {
    return StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .map(Object::toString)
        .collect(Collectors.joining("\n"));
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TaskFormApiTest.class.getResourceAsStream("/form-task/" + name)) {
      return in.readAllBytes();
    }
  }
}
