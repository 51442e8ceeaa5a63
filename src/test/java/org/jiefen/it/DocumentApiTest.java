package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.cases.Agreements;
import org.jiefen.documents.PdfA;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The document worker in the running app: a process task of type {@code jiefen.document.generate}
 * generates the agreement of a case, a second run lists nothing new, and the PDF is downloaded
 * over the API by a user in scope, not by one outside it.
 */
class DocumentApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";

  @Autowired TestRestTemplate rest;
  @Autowired CamundaClient client;
  @Autowired Agreements agreements;
  @Autowired org.jiefen.engine.local.LocalEngine engine;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void theAgreementIsGeneratedOnceAndDownloadedOnlyInScope() throws Exception {
    String idNumber = AppTestSupport.uniqueIdNumber();
    Map<String, Object> dispute = new java.util.HashMap<>(MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    dispute.put("parties", java.util.List.of(
        Map.of("name", "王小明", "role", "applicant", "idNumber", idNumber, "phone", AppTestSupport.uniquePhone()),
        Map.of("name", "某劳务派遣有限公司", "role", "respondent")));
    String caseId = api.register("intake", dispute);
    agreements.record(caseId, Map.of(
        "facts", "被申请人拖欠申请人三个月工资共计一万八千元。",
        "terms", "被申请人于2026年12月31日前一次性支付工资一万八千元。",
        "performanceMethod", "银行转账",
        "performBy", "2026-12-31"), "haiwang-mediator", HAIWANG);

    deploy(process("DocumentTestAgreement", "mediation-agreement"), "DocumentTestAgreement.bpmn");
    String first = generate("DocumentTestAgreement", caseId);
    String second = generate("DocumentTestAgreement", caseId);
    assertThat(second).as("same case state, same bytes").isEqualTo(first).hasSize(64);

    JsonNode file = api.caseFile(caseId);
    assertThat(file.get("documents")).hasSize(1);
    JsonNode listed = file.get("documents").get(0);
    assertThat(listed.get("type").asText()).isEqualTo("mediation-agreement");
    assertThat(listed.get("sha256").asText()).isEqualTo(first);
    assertThat(listed.get("number").asText()).isEqualTo(caseId + "-TJXY");
    assertThat(listed.get("pages").asInt()).isPositive();
    assertThat(StreamSupport.stream(file.get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asText().equals("DOCUMENT_GENERATED"))).hasSize(1);

    ResponseEntity<JsonNode> list = api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/documents");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).hasSize(1);

    String path = "/api/v1/cases/" + caseId + "/documents/" + first;
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("haiwang-mediator", "demo").getForEntity(path, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment;")
        .contains("filename=\"" + caseId + "-TJXY.pdf\"")
        .contains("filename*=UTF-8''%E4%BA%BA%E6%B0%91%E8%B0%83%E8%A7%A3%E5%8D%8F%E8%AE%AE%E4%B9%A6-" + caseId);
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf.getBody()))).isEqualTo(first);
    String text = PdfA.text(pdf.getBody()).replaceAll("[\\s\\u3000]+", "");
    assertThat(text).contains("人民调解协议书", caseId, idNumber, "海旺社区人民调解委员会", "本协议一式3份");

    assertThat(rest.withBasicAuth("gushu-mediator", "demo").getForEntity(path, byte[].class).getStatusCode())
        .as("a mediator of another community").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api.get("gushu-mediator", "/api/v1/cases/" + caseId + "/documents").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> unknown = api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/documents/" + "0".repeat(64));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(unknown.getBody().get("type").asText()).isEqualTo("urn:jiefen:problem:not-found");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode audit = api.get("admin", "/api/v1/audit?action=DOCUMENT_DOWNLOADED&caseId=" + caseId).getBody();
      assertThat(audit).hasSize(1);
      assertThat(audit.get(0).get("actor").asText()).isEqualTo("haiwang-mediator");
    });
  }

  @Test
  void anUnknownDocumentTypeIsAnIncident() {
    String caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    deploy(process("DocumentTestUnknown", "no-such-document"), "DocumentTestUnknown.bpmn");
    long instance = client.newCreateInstanceCommand().bpmnProcessId("DocumentTestUnknown").latestVersion()
        .variables(Map.of("caseId", caseId)).send().join().getProcessInstanceKey();
    await().atMost(Duration.ofSeconds(20)).until(() -> StreamSupport
        .stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .map(r -> (IncidentRecordValue) r.getValue())
        .anyMatch(i -> i.getProcessInstanceKey() == instance && i.getErrorMessage().contains("no-such-document")));
  }

  private String generate(String processId, String caseId) {
    var result = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("caseId", caseId)).withResult().requestTimeout(Duration.ofSeconds(60)).send().join();
    return (String) result.getVariablesAsMap().get("documentSha");
  }

  private void deploy(BpmnModelInstance model, String name) {
    client.newDeployResourceCommand().addProcessModel(model, name).send().join();
  }

  private static BpmnModelInstance process(String id, String document) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("Task_Document", t -> t.zeebeJobType("jiefen.document.generate").zeebeTaskHeader("document", document)
            .zeebeJobRetries("3"))
        .endEvent()
        .done();
  }
}
