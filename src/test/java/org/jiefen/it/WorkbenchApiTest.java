package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The workbench over the API: models are listed with versions and running instances; a file
 * deploys a new model or version with the model's hash audited; rollback makes an old version the
 * newest; hostile and wrong files are refused with a problem body and the app keeps answering.
 */
class WorkbenchApiTest extends AppIntegrationTest {

  @Autowired TestRestTemplate rest;

  @Test
  void shippedModelsAreListedWithVersionsAndRunningInstances() {
    ApiDriver api = new ApiDriver(rest);
    api.register("intake", MediationApiTest.dispute("440306001001", AppTestSupport.uniquePhone()));

    JsonNode models = get("admin", "/api/v1/models").getBody();
    JsonNode mediation = find(models, "BPMN", "Mediation");
    assertThat(mediation.get("resourceName").asText()).endsWith("Mediation.bpmn");
    JsonNode latest = mediation.get("versions").get(0);
    assertThat(latest.get("deployedBy").asText()).isNotBlank();
    assertThat(latest.get("hash").asText()).hasSize(64);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode again = find(get("admin", "/api/v1/models").getBody(), "BPMN", "Mediation");
      long running = StreamSupport.stream(again.get("versions").spliterator(), false)
          .mapToLong(v -> v.get("running").asLong()).sum();
      assertThat(running).as("the case just registered runs on some version").isPositive();
    });
    assertThat(find(models, "DMN", "Definitions_MediationTriage")).as("decision tables are listed").isNotNull();
    assertThat(find(models, "FORM", "mediation-consent")).as("forms are listed").isNotNull();

    ResponseEntity<String> xml = rest.withBasicAuth("admin", "demo")
        .getForEntity("/api/v1/models/bpmn/Mediation/versions/" + latest.get("version").asInt(), String.class);
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains("id=\"Mediation\"");

    assertThat(get("haiwang-mediator", "/api/v1/models").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aNewModelIsDeployedChangedAndRolledBack() {
    String id = "Probe_" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<JsonNode> first = upload(id + ".bpmn", probe(id, "第一版"));
    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().get("version").asInt()).isEqualTo(1);

    ResponseEntity<JsonNode> second = upload(id + ".bpmn", probe(id, "第二版"));
    assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
    assertThat(second.getBody().get("unchanged").asBoolean()).isFalse();

    ResponseEntity<JsonNode> same = upload(id + ".bpmn", probe(id, "第二版"));
    assertThat(same.getBody().get("version").asInt()).as("an unchanged model keeps its version").isEqualTo(2);
    assertThat(same.getBody().get("unchanged").asBoolean()).isTrue();

    ResponseEntity<JsonNode> rolledBack = rest.withBasicAuth("admin", "demo")
        .postForEntity("/api/v1/models/bpmn/" + id + "/versions/1/rollback", null, JsonNode.class);
    assertThat(rolledBack.getStatusCode()).as(String.valueOf(rolledBack.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(rolledBack.getBody().get("version").asInt()).isEqualTo(3);
    ResponseEntity<String> v3 = rest.withBasicAuth("admin", "demo")
        .getForEntity("/api/v1/models/bpmn/" + id + "/versions/3", String.class);
    assertThat(v3.getBody()).contains("第一版").doesNotContain("第二版");

    JsonNode versions = get("admin", "/api/v1/models/bpmn/" + id).getBody().get("versions");
    assertThat(versions).hasSize(3);
    assertThat(versions.get(0).get("deployedBy").asText()).isEqualTo("admin");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode audit = get("admin", "/api/v1/audit?actor=admin&action=MODEL_DEPLOYED&size=200").getBody();
      assertThat(StreamSupport.stream(audit.spliterator(), false)
              .filter(e -> e.get("target").asText().equals(id + ":2")))
          .singleElement()
          .satisfies(e -> assertThat(e.get("detail").asText()).contains("sha256 " + second.getBody().get("sha256").asText()));
      JsonNode rollbacks = get("admin", "/api/v1/audit?actor=admin&action=MODEL_ROLLED_BACK&size=200").getBody();
      assertThat(StreamSupport.stream(rollbacks.spliterator(), false)
              .filter(e -> e.get("target").asText().equals("bpmn " + id + ":3")))
          .singleElement()
          .satisfies(e -> assertThat(e.get("detail").asText()).contains("content of version 1"));
    });
  }

  @Test
  void hostileAndWrongFilesAreRefusedWithAProblemAndTheAppKeepsAnswering() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:process id="P">&x;</bpmn:process></bpmn:definitions>
        """;
    assertRefused(upload("Xxe.bpmn", xxe.getBytes(StandardCharsets.UTF_8)), HttpStatus.UNPROCESSABLE_ENTITY, "DOCTYPE");

    StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    lol.append("]><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&lol9;</definitions>");
    assertRefused(upload("Laughs.bpmn", lol.toString().getBytes(StandardCharsets.UTF_8)), HttpStatus.UNPROCESSABLE_ENTITY, "DOCTYPE");

    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
    assertRefused(upload("Picture.bpmn", png), HttpStatus.UNPROCESSABLE_ENTITY, "PNG");
    assertRefused(upload("notes.txt", "not a model".getBytes(StandardCharsets.UTF_8)), HttpStatus.UNPROCESSABLE_ENTITY,
        ".bpmn, .dmn or .form");

    byte[] big = new byte[20 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    byte[] head = "<definitions>".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, big, 0, head.length);
    ResponseEntity<JsonNode> tooBig = upload("Huge.bpmn", big);
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooBig.getHeaders().getContentType().toString()).contains("problem+json");

    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "/api/v1/models").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String mentions) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(response.getBody().get("errors").get(0).get("message").asText()).contains(mentions);
  }

  static byte[] probe(String id, String name) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_%1$s"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" name="%2$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, name)).getBytes(StandardCharsets.UTF_8);
  }

  private ResponseEntity<JsonNode> upload(String name, byte[] content) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", EvidenceApiTest.part(content, "application/octet-stream", name));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth("admin", "demo").postForEntity("/api/v1/models", new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private static JsonNode find(JsonNode models, String kind, String id) {
    return StreamSupport.stream(models.spliterator(), false)
        .filter(m -> m.get("kind").asText().equals(kind) && m.get("modelId").asText().equals(id))
        .findFirst()
        .orElse(null);
  }
}
