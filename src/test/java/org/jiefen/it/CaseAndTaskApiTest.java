package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.deploy.StartupDeployer;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The case and task API on the whole app: real engine, Elasticsearch node and SMTP server. */
@ExtendWith(OutputCaptureExtension.class)
class CaseAndTaskApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";


  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired LocalEngine engine;
  @Autowired StartupDeployer deployer;

  @Test
  void registeredCaseIsProtectedAndOpensTheSessionTaskAtItsUnit(CapturedOutput output) throws Exception {
    String id = AppTestSupport.idNumber("44030619850707451");
    String phone = "13712345678";

    ResponseEntity<JsonNode> created = register("intake", AppTestSupport.wageDispute(HAIWANG, id, phone));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseId = created.getBody().get("id").asText();
    assertThat(created.getBody().get("queryCode").asText()).matches("[2-9A-Z]{8}");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/cases/" + caseId);

    JsonNode task = awaitTask(caseId, "CREATED");
    assertThat(task.get("name").asText()).isEqualTo("征询调解意愿");
    assertThat(task.get("formId").asText()).isEqualTo("mediation-consent");
    assertThat(task.get("unitCode").asText()).isEqualTo(HAIWANG);
    assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("mediator:" + HAIWANG);
    assertThat(task.get("due").asText()).isNotBlank();

    JsonNode file = get("intake", "/api/v1/cases/" + caseId).getBody();
    assertThat(file.get("status").asText()).isEqualTo("OPEN");
    assertThat(file.get("level").asText()).isEqualTo("VILLAGE");
    JsonNode applicant = file.get("parties").get(0);
    assertThat(applicant.get("idNumber").asText()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
    assertThat(applicant.get("phone").asText()).isEqualTo("137****5678");
    assertThat(file.toString()).doesNotContain(id).doesNotContain(phone);
    assertThat(types(file.get("timeline"))).contains("CASE_REGISTERED", "PROCESS_STARTED", "TASK_CREATED");

    String source =
        es.get(g -> g.index(indices.cases()).id(caseId), JsonNode.class).source().toString();
    assertThat(source).doesNotContain(id).doesNotContain(phone).contains("v1:");
    String engineRecords =
        StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
            .map(Object::toString)
            .collect(java.util.stream.Collectors.joining());
    assertThat(engineRecords).contains(caseId).doesNotContain(id).doesNotContain(phone).doesNotContain("王小明");
    assertThat(output.getAll()).doesNotContain(id).doesNotContain(phone);
  }

  @Test
  void numbersTypedIntoFreeTextAreMaskedBeforeTheyAreStored() throws Exception {
    String phone = AppTestSupport.uniquePhone();
    String id = AppTestSupport.uniqueIdNumber();
    Map<String, Object> body = new HashMap<>(AppTestSupport.wageDispute(HAIWANG, AppTestSupport.uniqueIdNumber(),
        AppTestSupport.uniquePhone()));
    body.put("title", "欠薪纠纷 " + phone);
    body.put("description", "申请人身份证 " + id + "，联系电话 " + phone);
    String caseId = register("intake", body).getBody().get("id").asText();

    String shown = get("intake", "/api/v1/cases/" + caseId).getBody().toString();
    String stored = es.get(g -> g.index(indices.cases()).id(caseId), JsonNode.class).source().toString();
    for (String text : List.of(shown, stored)) {
      assertThat(text).doesNotContain(phone).doesNotContain(id)
          .contains(phone.substring(0, 3) + "****" + phone.substring(7));
    }
  }

  @Test
  void claimAndCompleteFollowTheRules() {
    String caseId = registerCase();
    String taskId = awaitTask(caseId, "CREATED").get("id").asText();
    String complete = "/api/v1/tasks/" + taskId + "/complete";
    // the parties decline mediation: the shortest way to a closed case
    Map<String, Object> session = Map.of("consent", "refused", "note", "被申请人不同意调解");

    assertThat(post("haiwang-mediator", complete, session).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("haiwang-leader", "/api/v1/tasks/" + taskId + "/claim", null).getStatusCode())
        .as("in scope, not a candidate").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("gushu-mediator", "/api/v1/tasks/" + taskId + "/claim", null).getStatusCode())
        .as("out of scope").isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> claimed = post("haiwang-mediator", "/api/v1/tasks/" + taskId + "/claim", null);
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(claimed.getBody().get("state").asText()).isEqualTo("ASSIGNED");
    assertThat(claimed.getBody().get("assignee").asText()).isEqualTo("haiwang-mediator");

    ResponseEntity<JsonNode> notYours = post("haiwang-leader", complete, session);
    assertThat(notYours.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(notYours.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(notYours.getBody().get("detail").asText()).contains("claimed by someone else");

    ResponseEntity<JsonNode> done = post("haiwang-mediator", complete, session);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(done.getBody().get("state").asText()).isEqualTo("COMPLETED");

    ResponseEntity<JsonNode> twice = post("haiwang-mediator", complete, session);
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(twice.getBody().get("detail").asText()).contains("already completed");

    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      JsonNode file = get("intake", "/api/v1/cases/" + caseId).getBody();
      assertThat(file.get("status").asText()).isEqualTo("CLOSED");
      assertThat(file.get("outcome").asText()).isEqualTo("refused");
      assertThat(types(file.get("timeline"))).contains("TASK_COMPLETED", "CASE_CLOSED");
    });
  }

  @Test
  void unclaimReturnsTheTaskToTheUnit() {
    String taskId = awaitTask(registerCase(), "CREATED").get("id").asText();
    post("haiwang-mediator", "/api/v1/tasks/" + taskId + "/claim", null);

    assertThat(post("haiwang-leader", "/api/v1/tasks/" + taskId + "/unclaim", null).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<JsonNode> released = post("haiwang-mediator", "/api/v1/tasks/" + taskId + "/unclaim", null);

    assertThat(released.getBody().get("state").asText()).isEqualTo("CREATED");
    assertThat(released.getBody().has("assignee")).isFalse();
    assertThat(get("intake", "/api/v1/tasks?candidateGroup=mediator:" + HAIWANG + "&state=CREATED").getBody().toString())
        .contains(taskId);
  }

  @Test
  void refusedModelsAreReportedAndTheRestIsDeployed() {
    assertThat(deployer.refusals())
        .extracting(StartupDeployer.Refusal::resource)
        .containsExactlyInAnyOrder("xxe.bpmn", "billion-laughs.bpmn", "not-xml.bpmn", "no-job-type.bpmn");
    assertThat(deployer.refusals()).allSatisfy(r -> assertThat(r.reason()).isNotBlank().doesNotContain("root:"));
    assertThat(registerCase()).isNotBlank();
  }

  @Test
  void invalidInputIsAnsweredWithAProblemNamingTheField() {
    String id = AppTestSupport.idNumber("44030619850707451");
    Map<String, Object> good = AppTestSupport.wageDispute(HAIWANG, id, "13712345678");
    assertProblem(with(good, "title", ""), "title");
    assertProblem(with(good, "category", "gambling"), "category");
    assertProblem(with(good, "unitCode", "999999999999"), "unitCode");
    assertProblem(with(good, "unitCode", "12ab"), "unitCode");
    assertProblem(with(good, "parties", List.of()), "parties");
    assertProblem(
        with(good, "parties", List.of(Map.of("name", "甲", "role", "applicant", "idNumber", id.substring(0, 17) + "0", "phone", "13712345678"))),
        "parties[0].idNumber");
    assertProblem(
        with(good, "parties", List.of(Map.of("name", "甲", "role", "applicant", "idNumber", id, "phone", "12345"))),
        "parties[0].phone");
    assertProblem(
        with(good, "parties", List.of(Map.of("name", "甲", "role", "applicant", "idNumber", id, "phone", "13712345678",
            "email", "a@b.cn\r\nBcc: x@evil.example"))),
        "parties[0].email");
    assertProblem(with(good, "parties", "not a list"), "parties");

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> broken =
        rest.withBasicAuth("intake", "demo")
            .postForEntity("/api/v1/cases", new HttpEntity<>("{\"kind\": ", headers), JsonNode.class);
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(broken.getBody().get("field").asText()).isEqualTo("body");

    ResponseEntity<JsonNode> badTaskId = post("haiwang-mediator", "/api/v1/tasks/abc/claim", null);
    assertThat(badTaskId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badTaskId.getBody().get("field").asText()).isEqualTo("id");
    assertThat(get("intake", "/api/v1/cases/MD-NOPE").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/v1/cases/x", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private void assertProblem(Map<String, Object> body, String field) {
    ResponseEntity<JsonNode> response = register("intake", body);
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().get("field").asText()).as(response.getBody().toString()).isEqualTo(field);
    assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private String registerCase() {
    ResponseEntity<JsonNode> created =
        register("intake", AppTestSupport.wageDispute(HAIWANG, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  private JsonNode awaitTask(String caseId, String state) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> get("intake", "/api/v1/tasks?caseId=" + caseId + "&state=" + state).getBody(),
            tasks -> tasks != null && tasks.size() == 1)
        .get(0);
  }

  private static List<String> types(JsonNode timeline) {
    return StreamSupport.stream(timeline.spliterator(), false).map(e -> e.get("type").asText()).toList();
  }

  private ResponseEntity<JsonNode> register(String user, Map<String, Object> body) {
    return post(user, "/api/v1/cases", body);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }
}
