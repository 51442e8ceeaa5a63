package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.jiefen.audit.AuditLog;
import org.jiefen.deploy.ModelDeployment;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.documents.DocumentService;
import org.jiefen.documents.DocumentType;
import org.jiefen.scope.DataScope;
import org.jiefen.search.Indices;
import org.jiefen.tasks.TaskMirror;
import org.jiefen.users.UserDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Who sees a petition, as every demo user who might, on every endpoint: case read, the case's
 * documents (list and download), revealing a number, the task list, task read, claim and complete,
 * the case filter for searches, mail and the audit of refusals. Confidential reports (信访工作条例
 * Art. 28) are seen only by those in charge of them; the accused never see a petition, confidential
 * or not. Out of scope is 404 everywhere, so existence does not leak.
 *
 * <p>The tasks come from a probe model of the test's own ({@code ConfidentialityProbe}: one task at
 * the registering office's clerks, one at the handling unit's clerks, one at its leaders, and a
 * mail to both): what the petition process asks of whom is the petition model's business, who sees
 * a task is the data scope's. The handling unit, supervisions and ownership that the petition
 * workers write into the case file are written here directly (and the owner onto the open tasks
 * through the task mirror, as the own worker does).
 *
 * <p>Tree: 宝安区 440306000000 (qu-*), its departments 人力资源局 440306900001 (renshe-*), 住房和建设局
 * 440306900002 (zhujian-*); 新安街道 440306001000 (xinan-*) → 海旺社区 440306001001 (haiwang-*).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionScopeMatrixTest extends AppIntegrationTest {

  static final String DISTRICT = "440306000000";
  static final String RENSHE = "440306900001";
  static final String ZHUJIAN = "440306900002";
  static final String XINAN = "440306001000";
  static final String PROBE = "ConfidentialityProbe";

  /** Everyone the matrices ask. */
  static final List<String> USERS = List.of("admin", "intake", "qu-petition", "qu-leader", "qu-mediator", "qu-court",
      "xinan-petition", "xinan-leader", "xinan-mediator", "haiwang-mediator", "renshe-petition", "renshe-leader",
      "zhujian-petition", "zhujian-leader");

  @Autowired TestRestTemplate rest;
  @Autowired ModelDeployment deployment;
  @Autowired CamundaClient camunda;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired DataScope scope;
  @Autowired UserDirectory users;
  @Autowired DocumentService documents;
  @Autowired TaskMirror taskMirror;
  @Autowired Clock clock;

  /** A confidential report still at triage (no handling unit yet), accusing 曹阳 (renshe-leader). */
  String inTriage;
  /** A confidential report forwarded to 住房和建设局, accusing 曹阳. */
  String forwarded;
  /** A confidential report forwarded to 人力资源局, whose leader 曹阳 it accuses. */
  String accusingTheHandlingLeader;
  /** A report the registrar did not keep confidential, at 新安街道, accusing 黄伟 (xinan-leader). */
  String openReport;
  /** A plain claim forwarded to 人力资源局. */
  String forwardedClaim;

  @BeforeAll
  void petitions() throws IOException {
    deployment.deploy(List.of(new ModelPreparer().prepare("ConfidentialityProbe.bpmn", resource())), AuditLog.SYSTEM);
    inTriage = report("qu-petition", DISTRICT, List.of("曹阳"), null);
    forwarded = report("qu-petition", DISTRICT, List.of("曹阳"), null);
    handOver(forwarded, ZHUJIAN);
    accusingTheHandlingLeader = report("qu-petition", DISTRICT, List.of("曹阳"), null);
    handOver(accusingTheHandlingLeader, RENSHE);
    openReport = report("xinan-petition", XINAN, List.of("黄 伟"), false);
    Map<String, Object> claim = PetitionIntakeApiTest.petition("claim", "letter", "反映用人单位未签劳动合同"
        + PetitionIntakeApiTest.unique(), "来信反映入职一年未签书面劳动合同。", PetitionIntakeApiTest.petitioner());
    forwardedClaim = api().register("qu-petition", claim);
    handOver(forwardedClaim, RENSHE);

    probe(inTriage, DISTRICT, DISTRICT);
    probe(forwarded, DISTRICT, ZHUJIAN);
    probe(accusingTheHandlingLeader, DISTRICT, RENSHE);
    probe(openReport, XINAN, XINAN);
    // every probe task is in the task list (as its clerks see it) before any matrix asks
    awaitTask("qu-petition", inTriage, "Task_Office");
    awaitTask("qu-leader", inTriage, "Task_Leader");
    awaitTask("zhujian-petition", forwarded, "Task_Handling");
    awaitTask("zhujian-leader", forwarded, "Task_Leader");
    awaitTask("renshe-petition", accusingTheHandlingLeader, "Task_Handling");
    awaitTask("xinan-petition", openReport, "Task_Office");
    awaitTask("xinan-mediator", openReport, "Task_Leader");
  }

  @Test
  void aConfidentialReportAtTriageIsReadByTheRegisteringOfficesClerksAloneAndEachTaskByThoseItIsFor() {
    expectCase(inTriage, Map.of("qu-petition", 200));
    // the probe addresses its leaders' task to the office's leaders: they see that task, not the file
    expectTasks(inTriage, Map.of("qu-petition", List.of("Task_Handling", "Task_Office"), "qu-leader", List.of("Task_Leader")));
  }

  @Test
  void aForwardedConfidentialReportIsTheHandlingUnitsAndTheOfficesClerksAndTheHandlingLeaders() {
    expectCase(forwarded, Map.of("qu-petition", 200, "zhujian-petition", 200, "zhujian-leader", 200));
    expectTasks(forwarded, Map.of(
        "qu-petition", List.of("Task_Office"),
        "zhujian-petition", List.of("Task_Handling"),
        "zhujian-leader", List.of("Task_Leader")));
  }

  @Test
  void onlyTheTasksCandidatesReadClaimAndCompleteThem() {
    String handling = awaitTask("zhujian-petition", forwarded, "Task_Handling").get("id").asText();
    String office = awaitTask("qu-petition", forwarded, "Task_Office").get("id").asText();
    expect(HttpMethod.GET, "/api/v1/tasks/" + handling, null, Map.of(
        "zhujian-petition", 200, "zhujian-leader", 404, "qu-petition", 404, "qu-leader", 404, "admin", 404));
    expect(HttpMethod.GET, "/api/v1/tasks/" + office, null, Map.of(
        "qu-petition", 200, "zhujian-petition", 404, "qu-leader", 404, "intake", 404));
    Map<String, Integer> claims = new LinkedHashMap<>();
    claims.put("qu-leader", 404);
    claims.put("qu-petition", 404);
    claims.put("zhujian-leader", 404);
    claims.put("zhujian-petition", 200);
    expect(HttpMethod.POST, "/api/v1/tasks/" + handling + "/claim", null, claims);
    expect(HttpMethod.POST, "/api/v1/tasks/" + handling + "/complete", Map.of(), Map.of(
        "qu-leader", 404, "zhujian-petition", 200));
    // done, it stays in the list of the one who did it, and out of everyone else's
    JsonNode done = api().get("zhujian-petition", "/api/v1/tasks/" + handling).getBody();
    assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("confidential").asBoolean()).isTrue();
    assertThat(api().get("qu-leader", "/api/v1/tasks/" + handling).getStatusCodeValue()).isEqualTo(404);
  }

  @Test
  void theAccusedNeverSeeItEvenWhenTheyLeadTheHandlingUnit() {
    expectCase(accusingTheHandlingLeader, Map.of("qu-petition", 200, "renshe-petition", 200));
    expectTasks(accusingTheHandlingLeader, Map.of(
        "qu-petition", List.of("Task_Office"), "renshe-petition", List.of("Task_Handling")));
    // nobody who may see it is a candidate of the leaders' task: its id comes from the task index itself
    String leaderTask = await().atMost(Duration.ofSeconds(20)).until(
        () -> mirroredTaskId(accusingTheHandlingLeader, "Task_Leader"), id -> id != null);
    assertThat(probeTasks("renshe-leader", null)).as("not in the accused leader's list at all").doesNotContain("Task_Leader");
    expect(HttpMethod.GET, "/api/v1/tasks/" + leaderTask, null, Map.of("renshe-leader", 404, "renshe-petition", 404));
    expect(HttpMethod.POST, "/api/v1/tasks/" + leaderTask + "/claim", null, Map.of("renshe-leader", 404));
    // refusals are audited: the accused's attempt is on record
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            api().get("admin", "/api/v1/audit?actor=renshe-leader&action=ACCESS_DENIED").getBody().toString())
        .contains("/api/v1/cases/" + accusingTheHandlingLeader)
        .contains("/api/v1/tasks/" + leaderTask));
  }

  @Test
  void mailAboutAConfidentialReportSkipsTheAccusedAndHidesItsTitle() {
    List<JsonNode> mails = await().atMost(Duration.ofSeconds(20))
        .until(() -> api().mailsAbout(accusingTheHandlingLeader), m -> !m.isEmpty());
    // the petition process also writes to the petitioner; of the staff, only the clerk hears of it
    List<JsonNode> staff = mails.stream().filter(m -> m.get("to").get(0).asText().endsWith("@jiefen.local")).toList();
    assertThat(staff).extracting(m -> m.get("to").get(0).asText()).containsExactly("renshe-petition@jiefen.local");
    assertThat(mails).extracting(m -> m.get("to").get(0).asText()).doesNotContain("renshe-leader@jiefen.local");
    String title = api().get("qu-petition", "/api/v1/cases/" + accusingTheHandlingLeader).getBody().get("title").asText();
    assertThat(staff.get(0).get("text").asText()).contains("保密信访事项").doesNotContain(title);
  }

  @Test
  void aReportNotKeptConfidentialFollowsTheTreeButNeverReachesItsAccused() {
    expectCase(openReport, Map.of("xinan-petition", 200, "xinan-mediator", 200, "qu-leader", 200, "qu-petition", 200,
        "qu-mediator", 200, "qu-court", 200, "intake", 200, "admin", 200));
    expectTasks(openReport, Map.of(
        "xinan-petition", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "xinan-mediator", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "qu-leader", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "qu-petition", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "qu-mediator", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "qu-court", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "intake", List.of("Task_Handling", "Task_Leader", "Task_Office"),
        "admin", List.of("Task_Handling", "Task_Leader", "Task_Office")));
  }

  @Test
  void aPetitionForwardedToADepartmentIsSeenThereByEveryone() {
    expectCase(forwardedClaim, Map.of("qu-petition", 200, "qu-leader", 200, "qu-mediator", 200, "qu-court", 200,
        "intake", 200, "admin", 200, "renshe-petition", 200, "renshe-leader", 200));
  }

  @Test
  void documentsAndNumbersOfAConfidentialReportGoToThoseInChargeOnly() {
    var cover = documents.generate(forwarded, DocumentType.CASE_FILE_COVER, null, "system");
    Map<String, Integer> inCharge = new HashMap<>(Map.of("zhujian-petition", 200, "qu-petition", 200));
    for (String user : List.of("qu-leader", "admin", "intake", "renshe-leader", "renshe-petition", "xinan-petition")) {
      inCharge.put(user, 404);
    }
    expect(HttpMethod.GET, "/api/v1/cases/" + forwarded + "/documents", null, inCharge);
    expect(HttpMethod.GET, "/api/v1/cases/" + forwarded + "/documents/" + cover.sha256(), null, inCharge);
    Map<String, Object> reveal = Map.of("field", "phone", "reason", "电话告知受理情况");
    expect(HttpMethod.POST, "/api/v1/cases/" + forwarded + "/parties/0/reveal", reveal, Map.of(
        "zhujian-petition", 200, "zhujian-leader", 403, "qu-leader", 404, "renshe-leader", 404));
  }

  @Test
  void supervisionOpensTheFileToTheSupervisingLeadersWhileItRunsAndOwnershipToTheOwner() throws IOException {
    String report = report("qu-petition", DISTRICT, List.of("某某"), null);
    handOver(report, ZHUJIAN);
    probe(report, DISTRICT, ZHUJIAN);
    awaitTask("zhujian-leader", report, "Task_Leader");
    awaitTask("zhujian-petition", report, "Task_Handling");
    awaitTask("qu-petition", report, "Task_Office");
    expectCase(report, Map.of("qu-petition", 200, "zhujian-petition", 200, "zhujian-leader", 200));
    String opened = clock.instant().toString();
    Map<String, Object> supervision = new HashMap<>(Map.of("clockId", "petition-handling",
        "supervisorUnitCode", DISTRICT, "supervisedUnitCode", ZHUJIAN, "opened", opened));
    update(report, Map.of("petition", Map.of("supervisions", List.of(supervision))));
    expectCase(report, Map.of("qu-petition", 200, "zhujian-petition", 200, "zhujian-leader", 200, "qu-leader", 200));
    supervision.put("closed", clock.instant().toString());
    update(report, Map.of("petition", Map.of("supervisions", List.of(supervision))));
    expectCase(report, Map.of("qu-petition", 200, "zhujian-petition", 200, "zhujian-leader", 200));
    assertThat(probeTasks("qu-leader", report)).as("supervising is reading the file, not doing its tasks").isEmpty();
    // what the own worker does: the owner on the case, and on its open tasks
    update(report, Map.of("petition", Map.of("owner", "qu-leader", "ownerName", "区政法委 赵刚")));
    taskMirror.owned(report, "qu-leader", "区政法委 赵刚");
    expectCase(report, Map.of("qu-petition", 200, "zhujian-petition", 200, "zhujian-leader", 200, "qu-leader", 200));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(probeTasks("qu-leader", report))
        .as("the owner sees every open task of the case").containsExactly("Task_Handling", "Task_Leader", "Task_Office"));
    assertThat(probeTasks("qu-leader", forwarded)).as("and no other confidential case's").isEmpty();
  }

  @Test
  void possibleDuplicatesListOnlyCasesTheReaderMaySee() throws IOException {
    String text = "信访人举报某市场经营者长期销售过期食品，多次向有关部门反映未果，要求依法查处。";
    String title = "举报销售过期食品" + PetitionIntakeApiTest.unique();
    Map<String, Object> first = PetitionIntakeApiTest.petition("report", "letter", title, text,
        PetitionIntakeApiTest.petitioner());
    first.put("accused", List.of("某经营者"));
    String secret = api().register("qu-petition", first);
    handOver(secret, ZHUJIAN);
    es.indices().refresh(r -> r.index(indices.cases()));
    // the same matter, registered at the street by a clerk outside the report's circle
    Map<String, Object> again = PetitionIntakeApiTest.petition("claim", "letter", title, text,
        PetitionIntakeApiTest.petitioner());
    again.put("unitCode", XINAN);
    ResponseEntity<JsonNode> created = api().post("xinan-petition", "/api/v1/cases", again);
    assertThat(created.getBody().get("possibleDuplicates")).isEmpty();
    String id = created.getBody().get("id").asText();
    JsonNode asStreet = api().get("xinan-petition", "/api/v1/cases/" + id).getBody();
    assertThat(asStreet.get("duplicates")).isEmpty();
    assertThat(asStreet.get("links")).isEmpty();
    assertThat(asStreet.get("petition").get("repeatSuspected").asBoolean()).as("the fact stays; the case does not show")
        .isTrue();
    JsonNode asHandler = api().get("qu-petition", "/api/v1/cases/" + id).getBody();
    assertThat(asHandler.get("duplicates")).extracting(JsonNode::asText).containsExactly(secret);
  }

  @Test
  void theCaseFilterForSearchesAgreesWithTheReads() throws IOException {
    es.indices().refresh(r -> r.index(indices.cases()));
    List<String> all = List.of(inTriage, forwarded, accusingTheHandlingLeader, openReport, forwardedClaim);
    List<String> wrong = new ArrayList<>();
    for (String user : USERS) {
      Set<String> read = new TreeSet<>();
      for (String id : all) {
        if (api().get(user, "/api/v1/cases/" + id).getStatusCode().value() == 200) {
          read.add(id);
        }
      }
      var filter = scope.caseFilter(users.find(user).orElseThrow());
      Set<String> found = new TreeSet<>(es.search(s -> s.index(indices.cases()).size(50)
              .query(q -> q.bool(b -> b.filter(filter).filter(f -> f.ids(i -> i.values(all))))), Object.class)
          .hits().hits().stream().map(Hit::id).toList());
      if (!read.equals(found)) {
        wrong.add(user + " reads " + read + " but searches find " + found);
      }
    }
    assertThat(wrong).isEmpty();
  }

  // --- the matrices

  /** Case read: the users named get their status, every other user of {@link #USERS} 404 (and a problem body). */
  private void expectCase(String caseId, Map<String, Integer> allowed) {
    Map<String, Integer> expected = new LinkedHashMap<>();
    for (String user : USERS) {
      expected.put(user, allowed.getOrDefault(user, 404));
    }
    expect(HttpMethod.GET, "/api/v1/cases/" + caseId, null, expected);
  }

  /** Task lists: the probe tasks of the case each user sees, by element; everyone else of {@link #USERS} none. */
  private void expectTasks(String caseId, Map<String, List<String>> seen) {
    List<String> wrong = new ArrayList<>();
    for (String user : USERS) {
      List<String> expected = seen.getOrDefault(user, List.of()).stream().sorted().toList();
      List<String> got = probeTasks(user, caseId);
      if (!got.equals(expected)) {
        wrong.add(user + " sees " + got + ", expected " + expected);
      }
    }
    assertThat(wrong).as("task lists of " + caseId).isEmpty();
  }

  private List<String> probeTasks(String user, String caseId) {
    String query = caseId == null ? "" : "?caseId=" + caseId;
    JsonNode tasks = api().get(user, "/api/v1/tasks" + query).getBody();
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> PROBE.equals(t.get("processId").asText()))
        .filter(t -> caseId == null || caseId.equals(t.get("caseId").asText()))
        .map(t -> t.get("elementId").asText())
        .sorted()
        .toList();
  }

  private void expect(HttpMethod method, String path, Object body, Map<String, Integer> expected) {
    List<String> wrong = new ArrayList<>();
    expected.forEach((user, status) -> {
      ResponseEntity<byte[]> response = call(user, method, path, body);
      if (response.getStatusCode().value() != status) {
        wrong.add(user + " got " + response.getStatusCode().value() + ", expected " + status);
      } else if (status >= 400 && !String.valueOf(response.getHeaders().getContentType()).startsWith("application/problem+json")) {
        wrong.add(user + " got " + status + " without a problem body");
      }
    });
    assertThat(wrong).as(method + " " + path).isEmpty();
  }

  // --- setting up

  private String report(String registrar, String unitCode, List<String> accused, Boolean confidential) {
    Map<String, Object> body = PetitionIntakeApiTest.petition("report", "letter",
        "举报工作人员违规收费" + PetitionIntakeApiTest.unique(), "举报某工作人员在办事过程中违规收取费用。",
        PetitionIntakeApiTest.petitioner());
    body.put("unitCode", unitCode);
    body.put("accused", accused);
    if (confidential != null) {
      body.put("confidential", confidential);
    }
    return api().register(registrar, body);
  }

  /** What the route worker does on forward/assign: the handling unit and, for the data scope, the current unit. */
  private void handOver(String caseId, String unitCode) throws IOException {
    update(caseId, Map.of("currentUnitCode", unitCode, "petition", Map.of("handlingUnitCode", unitCode)));
  }

  private void update(String caseId, Map<String, Object> fields) throws IOException {
    // as the app writes: other writers of the file (the timeline's change stamp) may come in between
    es.update(u -> u.index(indices.cases()).id(caseId).doc(fields).retryOnConflict(5), Map.class);
  }

  private void probe(String caseId, String unitCode, String handlingUnitCode) {
    camunda.newCreateInstanceCommand().bpmnProcessId(PROBE).latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", unitCode, "handlingUnitCode", handlingUnitCode))
        .send().join();
  }

  private String mirroredTaskId(String caseId, String elementId) throws IOException {
    es.indices().refresh(r -> r.index(indices.tasks()));
    return es.search(s -> s.index(indices.tasks()).size(1).query(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("caseId").value(caseId)))
            .filter(f -> f.term(t -> t.field("elementId").value(elementId))))), Object.class)
        .hits().hits().stream().map(Hit::id).findFirst().orElse(null);
  }

  private JsonNode awaitTask(String user, String caseId, String elementId) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> probeTask(user, caseId, elementId), t -> t != null);
  }

  private JsonNode probeTask(String user, String caseId, String elementId) {
    JsonNode tasks = api().get(user, "/api/v1/tasks?caseId=" + caseId).getBody();
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> PROBE.equals(t.get("processId").asText()) && elementId.equals(t.get("elementId").asText()))
        .findFirst().orElse(null);
  }

  // bytes: the answer may be JSON, a problem or a PDF; the matrices look at status and content type
  private ResponseEntity<byte[]> call(String user, HttpMethod method, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : new HttpEntity<>(body), byte[].class);
  }

  private ApiDriver api() {
    return new ApiDriver(rest);
  }

  private static byte[] resource() throws IOException {
    try (InputStream in = PetitionScopeMatrixTest.class.getResourceAsStream("/petition-scope/ConfidentialityProbe.bpmn")) {
      return in.readAllBytes();
    }
  }
}
