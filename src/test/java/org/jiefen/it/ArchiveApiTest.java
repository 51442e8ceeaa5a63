package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.archive.ArchiveRecord;
import org.jiefen.archive.Archiver;
import org.jiefen.documents.PdfA;
import org.jiefen.search.Indices;
import org.jiefen.workers.archive.CloseCaseWorker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The archive against the real engine, Elasticsearch node and PDFs: a case closed through its
 * process is archived in the close job (record, PDF/A-2b bundle, archivedAt, one audit entry);
 * archiving again changes nothing; Elasticsearch away during the job fails it with a retry and the
 * retry finishes; expired records wait for an administrator's decision.
 */
class ArchiveApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final String LINGZHI = "440306001002";

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired Archiver archiver;
  @Autowired CloseCaseWorker closeWorker;
  @Autowired org.jiefen.engine.local.LocalEngine engine;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void anAgreedCaseIsArchivedWhenItClosesAndArchivingAgainChangesNothing() throws Exception {
    String caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    api.work("haiwang-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));
    api.work("haiwang-mediator", caseId, "Task_ScheduleSession", Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "调解室"));
    api.work("haiwang-mediator", caseId, "Task_RecordSession", Map.of("sessionDate", "2026-12-01",
        "participants", "双方当事人", "summary", "双方达成一致", "sessionOutcome", "agreed"));
    api.work("haiwang-mediator", caseId, "Task_RecordAgreement", Map.of(
        "facts", "被申请人拖欠申请人三个月工资共计一万八千元。",
        "terms", "被申请人于2026年12月31日前一次性支付工资一万八千元。",
        "performanceMethod", "银行转账", "performBy", "2026-12-31"));
    api.work("haiwang-mediator", caseId, "Task_RecordSignatures",
        Map.of("signers", List.of("party-0", "party-1", "mediator"), "signedOn", "2026-11-25"));
    awaitTimer(caseId, "Timer_FollowUp");
    api.advanceClock("P30DT1H");
    api.work("haiwang-mediator", caseId, "Task_FollowUp", Map.of("performed", "yes", "satisfaction", 5, "reopen", false, "note", "已按期履行"));

    JsonNode file = await().atMost(Duration.ofSeconds(30))
        .until(() -> api.caseFile(caseId), f -> f.hasNonNull("archivedAt"));
    assertThat(file.get("status").asText()).isEqualTo("CLOSED");
    assertThat(types(file)).containsOnlyOnce("CASE_ARCHIVED").endsWith("CASE_ARCHIVED");

    JsonNode record = record(caseId);
    assertThat(record.get("kind").asText()).isEqualTo("mediation");
    assertThat(record.get("outcome").asText()).isEqualTo("agreed");
    assertThat(record.get("level").asText()).isEqualTo("VILLAGE");
    assertThat(record.get("unitCode").asText()).isEqualTo(HAIWANG);
    assertThat(record.get("archivedAt").asText()).isEqualTo(file.get("archivedAt").asText());
    assertThat(record.at("/durations/calendarDays").asInt()).isGreaterThanOrEqualTo(30);
    assertThat(record.at("/durations/workingDays").asInt()).isBetween(15, record.at("/durations/calendarDays").asInt());
    LocalDate closedOn = java.time.Instant.parse(record.get("closed").asText()).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
    assertThat(record.at("/retention/period").asText()).isEqualTo("P30Y");
    assertThat(record.at("/retention/expiresOn").asText()).isEqualTo(closedOn.plusYears(30).toString());
    JsonNode agreement = StreamSupport.stream(record.get("documents").spliterator(), false)
        .filter(d -> d.get("type").asText().equals("mediation-agreement")).findFirst().orElseThrow();
    assertThat(agreement.get("sha256").asText()).hasSize(64);
    assertThat(agreement.get("firstPage").asInt()).isGreaterThan(2);
    assertThat(record.get("clocks").isArray()).as("the clocks at closing (none on a mediation case)").isTrue();
    assertThat(record.at("/file/id").asText()).isEqualTo(caseId);
    assertThat(record.at("/file/parties").size()).isEqualTo(2);
    assertThat(record.get("timeline").size()).isGreaterThan(5);

    ResponseEntity<byte[]> bundle = rest.withBasicAuth("haiwang-mediator", "demo")
        .getForEntity("/api/v1/cases/" + caseId + "/bundle", byte[].class);
    assertThat(bundle.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] pdf = bundle.getBody();
    String sha = record.at("/bundle/sha256").asText();
    assertThat(org.jiefen.documents.DocumentRenderer.sha256(pdf)).isEqualTo(sha);
    assertThat(record.at("/bundle/bytes").asLong()).isEqualTo(pdf.length);
    PdfA.assertCompliant(pdf, "bundle " + caseId);
    String text = PdfA.text(pdf);
    assertThat(text).contains("人民调解卷宗", "保管期限", "30年", "卷内文件目录", "人民调解协议书", "一万八千元", agreement.get("sha256").asText().substring(0, 8));
    for (int page = 1; page <= Math.min(4, record.at("/bundle/pages").asInt()); page++) {
      PdfA.png(pdf, page, "archive-bundle-" + page);
    }
    assertThat(rest.withBasicAuth("lingzhi-mediator", "demo")
        .getForEntity("/api/v1/cases/" + caseId + "/bundle", JsonNode.class).getStatusCode())
        .as("outside the scope: not found").isEqualTo(HttpStatus.NOT_FOUND);
    await().atMost(Duration.ofSeconds(10)).until(() -> audit("DOCUMENT_DOWNLOADED", caseId).stream()
        .anyMatch(e -> e.get("target").asText().equals("case-file-bundle " + sha)));

    // once: the close job archived it; again by hand: the same record, the same bundle, no second audit
    ArchiveRecord again = archiver.archive(caseId);
    assertThat(again.bundle().sha256()).isEqualTo(sha);
    assertThat(recordCount(caseId)).isEqualTo(1);
    assertThat(types(api.caseFile(caseId))).containsOnlyOnce("CASE_ARCHIVED");
    await().atMost(Duration.ofSeconds(10)).until(() -> audit("CASE_ARCHIVED", caseId).size() == 1);
    JsonNode facts = api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/archive").getBody();
    assertThat(facts.get("bundleSha256").asText()).isEqualTo(sha);
  }

  /**
   * Elasticsearch unreachable for the app (the relay between them cut; the node stays up): the
   * close job fails with a retry and a backoff; once it is back, the retry closes and archives the
   * case, one record.
   */
  @Test
  void elasticsearchAwayDuringTheCloseJobThenBackLosesNothing() throws Exception {
    String caseId = api.register("intake", MediationApiTest.dispute(LINGZHI, AppTestSupport.uniquePhone()));
    TcpRelay relay = AppTestSupport.elasticsearch();
    try {
      relay.cut();
      assertThatThrownBy(() -> closeWorker.close(job(caseId, 10)))
          .isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getRetries()).isEqualTo(9);
            assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(5));
          });
      assertThatThrownBy(() -> closeWorker.close(job(caseId, 9)))
          .isInstanceOfSatisfying(JobError.class, e -> {
            assertThat(e.getRetries()).isEqualTo(8);
            assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
          });
    } finally {
      relay.restore();
    }
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> closeWorker.close(job(caseId, 8)));
    JsonNode file = api.get("intake", "/api/v1/cases/" + caseId).getBody();
    assertThat(file.get("status").asText()).isEqualTo("CLOSED");
    assertThat(file.hasNonNull("archivedAt")).isTrue();
    es.indices().refresh(r -> r.index(indices.archive()));
    assertThat(es.count(c -> c.index(indices.archive()).query(q -> q.term(t -> t.field("caseId").value(caseId)))).count())
        .isEqualTo(1);
  }

  @Test
  void expiredRecordsWaitForADecisionThatIsAudited() throws Exception {
    String kept = closedAndArchived(LINGZHI);
    String destroyed = closedAndArchived(LINGZHI);
    assertThat(expiredIds()).doesNotContain(kept, destroyed);
    assertThat(api.post("admin", "/api/v1/archive/" + kept + "/decision",
        Map.of("decision", "KEEP", "period", "P5Y", "reason", "仍在诉讼中")).getStatusCode())
        .as("not expired yet").isEqualTo(HttpStatus.CONFLICT);

    expire(kept, "2020-03-01");
    expire(destroyed, "2020-03-02");
    assertThat(expiredIds()).contains(kept, destroyed);
    assertThat(api.get("haiwang-mediator", "/api/v1/archive/expired").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    problem(kept, Map.of("decision", "ARCHIVE", "reason", "x"), "decision");
    problem(kept, Map.of("decision", "KEEP", "period", "5 years", "reason", "x"), "period");
    problem(kept, Map.of("decision", "KEEP", "period", "P5Y"), "reason");
    problem(kept, Map.of("decision", "DESTROY", "reason", " "), "reason");

    ResponseEntity<JsonNode> keep = api.post("admin", "/api/v1/archive/" + kept + "/decision",
        Map.of("decision", "KEEP", "period", "P10Y", "reason", "仍在诉讼中"));
    assertThat(keep.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(keep.getBody().at("/retention/expiresOn").asText()).isEqualTo("2030-03-01");
    assertThat(keep.getBody().at("/disposition/state").asText()).isEqualTo("KEPT");
    assertThat(expiredIds()).as("kept until 2030: no longer waiting").doesNotContain(kept);

    String bundleSha = record(destroyed).at("/bundle/sha256").asText();
    ResponseEntity<JsonNode> destroy = api.post("admin", "/api/v1/archive/" + destroyed + "/decision",
        Map.of("decision", "DESTROY", "reason", "保管期满，经鉴定无继续保存价值"));
    assertThat(destroy.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode entry = record(destroyed);
    assertThat(entry.at("/disposition/state").asText()).isEqualTo("DESTROYED");
    assertThat(entry.at("/disposition/decidedBy").asText()).isEqualTo("admin");
    assertThat(entry.at("/disposition/reason").asText()).contains("无继续保存价值");
    assertThat(entry.get("kind").asText()).isEqualTo("mediation");
    assertThat(entry.has("file")).isFalse();
    assertThat(entry.has("timeline")).isFalse();
    assertThat(entry.has("bundle")).isFalse();
    assertThat(expiredIds()).doesNotContain(destroyed);
    assertThat(api.caseFile(destroyed).get("parties")).isEmpty();
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/cases/" + destroyed + "/bundle", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.post("admin", "/api/v1/archive/" + destroyed + "/decision",
        Map.of("decision", "KEEP", "period", "P5Y", "reason", "x")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    // a later sweep or job does not bring it back
    archiver.archive(destroyed);
    assertThat(record(destroyed).has("bundle")).isFalse();
    assertThat(bundleSha).hasSize(64);

    await().atMost(Duration.ofSeconds(10)).until(() -> audit("ARCHIVE_KEPT", kept).size() == 1
        && audit("ARCHIVE_DESTROYED", destroyed).size() == 1);
    assertThat(audit("ARCHIVE_KEPT", kept).get(0).get("actor").asText()).isEqualTo("admin");
  }

  // --- helpers ---

  /** A case closed by the parties' refusal (the shortest way to a closed case), once archived. */
  String closedAndArchived(String unit) {
    String caseId = api.register("intake", MediationApiTest.dispute(unit, AppTestSupport.uniquePhone()));
    api.work("lingzhi-mediator", caseId, "Task_RecordConsent", Map.of("consent", "refused", "note", "不同意调解"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.caseFile(caseId), f -> f.hasNonNull("archivedAt"));
    return caseId;
  }

  private void expire(String caseId, String expiresOn) throws Exception {
    es.update(u -> u.index(indices.archive()).id(caseId)
        .doc(Map.of("retention", Map.of("period", "P10Y", "expiresOn", expiresOn)))
        .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor), Map.class);
  }

  private List<String> expiredIds() {
    JsonNode page = api.get("admin", "/api/v1/archive/expired?size=200").getBody();
    return StreamSupport.stream(page.get("records").spliterator(), false).map(r -> r.get("caseId").asText()).toList();
  }

  private void problem(String caseId, Map<String, Object> body, String field) {
    ResponseEntity<JsonNode> refused = api.post("admin", "/api/v1/archive/" + caseId + "/decision", body);
    assertThat(refused.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().toString()).as(body.toString()).contains("\"" + field + "\"");
  }

  private JsonNode record(String caseId) throws Exception {
    var got = es.get(g -> g.index(indices.archive()).id(caseId), JsonNode.class);
    assertThat(got.found()).as("archive record of " + caseId).isTrue();
    return got.source();
  }

  private long recordCount(String caseId) throws Exception {
    es.indices().refresh(r -> r.index(indices.archive()));
    return es.count(c -> c.index(indices.archive()).query(q -> q.term(t -> t.field("caseId").value(caseId)))).count();
  }

  private List<JsonNode> audit(String action, String caseId) {
    JsonNode events = api.get("admin", "/api/v1/audit?action=" + action + "&caseId=" + caseId + "&size=50").getBody();
    return StreamSupport.stream(events.spliterator(), false).toList();
  }

  private static ActivatedJob job(String caseId, int retries) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariablesAsMap()).thenReturn(Map.of("caseId", caseId));
    when(job.getCustomHeaders()).thenReturn(Map.of("outcome", "refused"));
    when(job.getRetries()).thenReturn(retries);
    when(job.getElementId()).thenReturn("Task_CloseRefused");
    return job;
  }

  private void awaitTimer(String caseId, String elementId) {
    EngineTimers.awaitTimer(engine, caseId, elementId);
  }

  private static List<String> types(JsonNode file) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false).map(e -> e.get("type").asText()).toList();
  }
}
