package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editors' endpoints as the islands call them (session, CSRF header): a draft is kept and
 * dropped, hostile or oversized text is refused with a problem body naming what is wrong, the
 * check of an unchanged model finds nothing, and only administrators get in.
 */
class WorkbenchEndpointsTest extends AppIntegrationTest {

  static final String BASE = "/admin/models/bpmn/Mediation";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void draftsAreKeptAndHostileTextIsRefused() throws Exception {
    WebSession admin = new WebSession(port);
    admin.login("admin", "demo");
    String token = admin.csrfMeta("/admin/models");
    JsonNode mediation = rest.withBasicAuth("admin", "demo").getForObject("/api/v1/models/bpmn/Mediation", JsonNode.class);
    int latest = mediation.get("versions").get(0).get("version").asInt();
    String deployed = rest.withBasicAuth("admin", "demo")
        .getForObject("/api/v1/models/bpmn/Mediation/versions/" + latest, String.class);

    HttpResponse<String> check = admin.send("POST", BASE + "/check", bytes(deployed), token);
    assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
    JsonNode report = json.readTree(check.body());
    assertThat(report.get("errors")).as("the deployed model passes the checks").isEmpty();
    assertThat(report.get("changes")).as("nothing changed").isEmpty();
    assertThat(report.get("baseVersion").asInt()).isEqualTo(latest);

    String edited = deployed.replace("name=\"征询调解意愿\"", "name=\"征询双方调解意愿\"");
    HttpResponse<String> saved = admin.send("PUT", BASE + "/draft", bytes(edited), token);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json.readTree(saved.body()).get("savedBy").asText()).isEqualTo("admin");
    assertThat(admin.get("/admin/models").body()).contains("data-test=\"draft-badge\"");
    assertThat(admin.get(BASE).body()).as("the editor opens the draft").contains("征询双方调解意愿");
    assertThat(admin.get(BASE + "?version=" + latest).body()).as("a version opens as deployed").doesNotContain("征询双方调解意愿");

    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>";
    HttpResponse<String> hostile = admin.send("PUT", BASE + "/draft", bytes(xxe), token);
    assertThat(hostile.statusCode()).isEqualTo(422);
    assertThat(hostile.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(hostile.body()).get("errors").get(0).get("message").asText()).contains("DOCTYPE");

    byte[] huge = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '<';
    HttpResponse<String> tooBig = admin.send("POST", BASE + "/check", huge, token);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(json.readTree(tooBig.body()).get("errors").get(0).get("field").asText()).isEqualTo("content");

    HttpResponse<String> deploy = admin.send("POST", BASE + "/deploy", bytes("{\"not\":\"bpmn\"}"), token);
    assertThat(deploy.statusCode()).isEqualTo(422);
    assertThat(json.readTree(deploy.body()).get("errors").get(0).get("text").asText()).as("in the user's language")
        .startsWith("模型无法部署");

    assertThat(admin.send("DELETE", BASE + "/draft", new byte[0], token).statusCode()).isEqualTo(204);
    assertThat(admin.get("/admin/models").body()).doesNotContain("data-test=\"draft-badge\"");
    assertThat(admin.send("POST", BASE + "/check", bytes(deployed), "forged").statusCode())
        .as("no CSRF token, no request").isEqualTo(403);
  }

  @Test
  void onlyAdministratorsReachTheWorkbench() throws Exception {
    WebSession mediator = new WebSession(port);
    mediator.login("haiwang-mediator", "demo");
    assertThat(mediator.get("/admin/models").statusCode()).isEqualTo(403);
    String token = mediator.csrfMeta("/tasks");
    assertThat(mediator.send("POST", BASE + "/check", bytes("<x/>"), token).statusCode()).isEqualTo(403);
    assertThat(mediator.get("/tasks").body()).doesNotContain("data-test=\"nav-admin\"");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
