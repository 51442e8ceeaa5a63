package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Every case and task endpoint, as users at the case's own unit, its parent, the root, a sibling,
 * a child and another branch of the tree, with the exact answer each must get. Out-of-scope
 * reads are 404 (existence must not leak); in-scope actions a role may not take are 403; every
 * refusal is a problem body.
 *
 * <p>Tree: 宝安区 440306000000 → 新安街道 440306001000 → 海旺社区 440306001001 (the village case), 灵芝社区
 * 440306001002 (sibling); 西乡街道 440306002000 (other branch). The town case sits at 新安街道.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTest extends AppIntegrationTest {


  @Autowired TestRestTemplate rest;

  String villageCase;
  String townCase;
  String villageTask;

  @BeforeAll
  void cases() {
    villageCase = register("intake", "440306001001");
    townCase = register("intake", "440306001000");
    villageTask = await().atMost(Duration.ofSeconds(20))
        .until(() -> call("intake", HttpMethod.GET, "/api/v1/tasks?caseId=" + villageCase, null).getBody(),
            t -> t != null && t.size() == 1)
        .get(0).get("id").asText();
  }

  @Test
  void readingACase() {
    expect(HttpMethod.GET, "/api/v1/cases/" + villageCase, null, Map.ofEntries(
        Map.entry("haiwang-mediator", 200), Map.entry("haiwang-leader", 200),
        Map.entry("xinan-mediator", 200), Map.entry("xinan-leader", 200), Map.entry("xinan-petition", 200),
        Map.entry("qu-leader", 200), Map.entry("qu-court", 200), Map.entry("intake", 200), Map.entry("admin", 200),
        Map.entry("lingzhi-mediator", 404), Map.entry("lingzhi-leader", 404),
        Map.entry("xixiang-mediator", 404), Map.entry("xixiang-leader", 404)));
    // audit events are searchable after the index's next refresh
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            call("admin", HttpMethod.GET, "/api/v1/audit?actor=xixiang-leader&action=ACCESS_DENIED", null).getBody().toString())
        .contains("/api/v1/cases/" + villageCase));
    expect(HttpMethod.GET, "/api/v1/cases/" + townCase, null, Map.of(
        "xinan-mediator", 200, "xinan-leader", 200, "qu-mediator", 200,
        "haiwang-mediator", 404, "haiwang-leader", 404, "lingzhi-mediator", 404, "xixiang-leader", 404));
  }

  @Test
  void listingAndReadingTasks() {
    Map<String, Integer> visible = Map.of(
        "haiwang-mediator", 1, "haiwang-leader", 1, "xinan-mediator", 1, "qu-leader", 1, "intake", 1,
        "lingzhi-mediator", 0, "xixiang-mediator", 0, "xixiang-leader", 0);
    visible.forEach((user, count) -> assertThat(
            call(user, HttpMethod.GET, "/api/v1/tasks?caseId=" + villageCase, null).getBody().size())
        .as(user).isEqualTo(count));
    expect(HttpMethod.GET, "/api/v1/tasks/" + villageTask, null, Map.of(
        "haiwang-mediator", 200, "xinan-leader", 200, "qu-mediator", 200,
        "lingzhi-mediator", 404, "xixiang-leader", 404));
  }

  @Test
  void claimingATask() {
    // Refusals first: only the village's mediators are candidates.
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("haiwang-leader", 403);
    expected.put("xinan-mediator", 403);
    expected.put("qu-mediator", 403);
    expected.put("intake", 403);
    expected.put("lingzhi-mediator", 404);
    expected.put("xixiang-mediator", 404);
    expected.put("haiwang-mediator", 200);
    expect(HttpMethod.POST, "/api/v1/tasks/" + villageTask + "/claim", null, expected);
  }

  @Test
  void registeringACase() {
    expect(HttpMethod.POST, "/api/v1/cases", dispute("440306001001"), Map.of(
        "intake", 201, "haiwang-mediator", 201, "xinan-petition", 201, "qu-court", 201, "qu-leader", 201,
        "lingzhi-mediator", 403, "xixiang-leader", 403, "admin", 403));
  }

  @Test
  void revealingANumber() {
    Map<String, Object> body = Map.of("field", "phone", "reason", "制作司法确认申请书");
    expect(HttpMethod.POST, "/api/v1/cases/" + villageCase + "/parties/0/reveal", body, Map.of(
        "haiwang-mediator", 200, "xinan-petition", 200, "qu-court", 200,
        "haiwang-leader", 403, "intake", 403, "admin", 403,
        "lingzhi-mediator", 404, "xixiang-mediator", 404));
    JsonNode revealed =
        call("haiwang-mediator", HttpMethod.POST, "/api/v1/cases/" + villageCase + "/parties/0/reveal", body).getBody();
    assertThat(revealed.get("value").asText()).matches("13\\d{9}");
    assertThat(call("intake", HttpMethod.GET, "/api/v1/cases/" + villageCase, null).getBody().toString())
        .as("the number revealed is the one stored").contains(revealed.get("value").asText().substring(7));
    assertThat(call("haiwang-mediator", HttpMethod.POST, "/api/v1/cases/" + villageCase + "/parties/0/reveal",
            Map.of("field", "phone")).getBody().get("field").asText()).isEqualTo("reason");
  }

  @Test
  void administeringUsers() {
    expect(HttpMethod.GET, "/api/v1/users", null, Map.of(
        "admin", 200, "qu-leader", 403, "haiwang-mediator", 403, "intake", 403));
    Map<String, Object> user = Map.of("username", "haiwang-clerk", "displayName", "海旺社区 新调解员",
        "unitCode", "440306001001", "roles", List.of("MEDIATOR"), "email", "haiwang-clerk@jiefen.local",
        "password", "a-long-password");
    expect(HttpMethod.POST, "/api/v1/users", user, Map.of("qu-leader", 403, "admin", 201));
    assertThat(call("admin", HttpMethod.GET, "/api/v1/users", null).getBody().toString())
        .contains("haiwang-clerk").doesNotContain("passwordHash").doesNotContain("a-long-password");
    ResponseEntity<JsonNode> bad = call("admin", HttpMethod.POST, "/api/v1/users",
        Map.of("username", "X Y", "displayName", "<b>", "unitCode", "1", "roles", List.of()));
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("errors").size()).isEqualTo(4);
  }

  @Test
  void administeringUnits() {
    Map<String, Object> grid = Map.of("code", "440306001003", "name", "海滨社区", "level", "VILLAGE",
        "levelName", "社区", "parentCode", "440306001000");
    expect(HttpMethod.PUT, "/api/v1/units/440306001003", grid, Map.of("xinan-leader", 403, "haiwang-mediator", 403, "admin", 200));
    JsonNode saved = call("intake", HttpMethod.GET, "/api/v1/units/440306001003", null).getBody();
    assertThat(saved.get("path").toString()).isEqualTo("[\"440306000000\",\"440306001000\",\"440306001003\"]");
    Map<String, Object> moved = new java.util.HashMap<>(grid);
    moved.put("parentCode", "440306002000");
    assertThat(call("admin", HttpMethod.PUT, "/api/v1/units/440306001003", moved).getStatusCode().value()).isEqualTo(409);
    Map<String, Object> upward = new java.util.HashMap<>(grid);
    upward.put("code", "440306001009");
    upward.put("level", "COUNTY");
    assertThat(call("admin", HttpMethod.PUT, "/api/v1/units/440306001009", upward).getBody().get("field").asText())
        .isEqualTo("level");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            call("admin", HttpMethod.GET, "/api/v1/audit?action=UNIT_SAVED", null).getBody().toString())
        .contains("440306001003"));
  }

  @Test
  void anonymousCallsAreUnauthorizedProblems() {
    ResponseEntity<JsonNode> anonymous = rest.getForEntity("/api/v1/cases/" + villageCase, JsonNode.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  private void expect(HttpMethod method, String path, Object body, Map<String, Integer> expected) {
    List<String> wrong = new ArrayList<>();
    expected.forEach((user, status) -> {
      ResponseEntity<JsonNode> response = call(user, method, path, body);
      if (response.getStatusCode().value() != status) {
        wrong.add(user + " got " + response.getStatusCode().value() + ", expected " + status);
      } else if (status >= 400 && !String.valueOf(response.getHeaders().getContentType()).startsWith("application/problem+json")) {
        wrong.add(user + " got " + status + " without a problem body");
      }
    });
    assertThat(wrong).as(method + " " + path).isEmpty();
  }

  private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, method, body == null ? null : new HttpEntity<>(body), JsonNode.class);
  }

  private String register(String user, String unitCode) {
    return call(user, HttpMethod.POST, "/api/v1/cases", dispute(unitCode)).getBody().get("id").asText();
  }

  private static Map<String, Object> dispute(String unitCode) {
    return AppTestSupport.wageDispute(unitCode, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone());
  }
}
