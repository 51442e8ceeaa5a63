package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail and the login lockout on the whole app. The lockout test moves the shared dev
 * clock, so it runs last; every test uses its own users so the recent-login cache and failure
 * counts of one do not leak into another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditAndLockoutApiTest {

  static final String HAIWANG = "440306001001";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    AppTestSupport.register(registry, "audit");
  }

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;

  @Test
  @Order(1)
  void caseReadIsAuditedAndTheTrailHoldsNoIdOrPhoneNumber() throws Exception {
    String id = AppTestSupport.idNumber("44030619790303123");
    String phone = "13987654321";
    ResponseEntity<JsonNode> created =
        as("intake", "demo").postForEntity("/api/v1/cases", AppTestSupport.wageDispute(HAIWANG, id, phone), JsonNode.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseId = created.getBody().get("id").asText();
    assertThat(as("intake", "demo").getForEntity("/api/v1/cases/" + caseId, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // PII typed where the audit takes free text: as a username
    assertThat(as(id, "x").getForEntity("/api/v1/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as(phone, "x").getForEntity("/api/v1/units", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    JsonNode read = awaitEvents("actor=intake&action=CASE_READ&caseId=" + caseId, 1).get(0);
    assertThat(read.get("caseId").asText()).isEqualTo(caseId);
    assertThat(read.get("outcome").asText()).isEqualTo("SUCCESS");
    assertThat(read.get("unitCode").asText()).isEqualTo("440306000000");
    assertThat(read.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(read.get("id").asText()).isNotBlank();
    assertThat(read.get("at").asText()).isNotBlank();
    awaitEvents("actor=intake&action=CASE_CREATED&caseId=" + caseId, 1);
    awaitEvents("actor=" + id.substring(0, 6) + "********" + id.substring(14) + "&action=LOGIN_FAILED", 1);
    awaitEvents("actor=139****4321&action=LOGIN_FAILED", 1);
    // one event per deployed process version and per registered form
    List<JsonNode> deployed =
        await().atMost(Duration.ofSeconds(15))
            .until(() -> events("actor=system&action=MODEL_DEPLOYED"), events -> events.size() >= 2);
    assertThat(deployed).allSatisfy(e -> assertThat(e.get("detail").asText()).matches("sha256 [0-9a-f]{64} .*"));
    assertThat(deployed).anySatisfy(e -> assertThat(e.get("target").asText()).startsWith("form "));

    es.indices().refresh(r -> r.index(indices.audit()));
    String source =
        es.search(s -> s.index(indices.audit()).size(1000), JsonNode.class).hits().hits().stream()
            .map(h -> h.source().toString())
            .collect(java.util.stream.Collectors.joining());
    assertThat(source).contains(caseId).contains("139****4321").doesNotContain(id).doesNotContain(phone);
  }

  @Test
  @Order(2)
  void onlyAdministratorsReadTheTrailAndEveryRefusalIsAudited() {
    ResponseEntity<JsonNode> refused = as("xixiang-leader", "demo").getForEntity("/api/v1/audit", JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");

    JsonNode denial = awaitEvents("actor=xixiang-leader&action=ACCESS_DENIED", 1).get(0);
    assertThat(denial.get("target").asText()).isEqualTo("GET /api/v1/audit");
    assertThat(denial.get("outcome").asText()).isEqualTo("DENIED");
    assertThat(denial.get("unitCode").asText()).isEqualTo("440306002000");

    assertInvalid("action=NOPE", "action");
    assertInvalid("outcome=maybe", "outcome");
    assertInvalid("from=yesterday", "from");
    assertInvalid("to=2026-13-01T00:00:00Z", "to");
    assertInvalid("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
    assertInvalid("size=501", "size");
    assertInvalid("size=abc", "size");
    assertThat(admin("size=500&from=2000-01-01T00:00:00Z&to=2999-01-01T00:00:00Z&outcome=DENIED").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  @Order(3)
  void aSignInIsAPasswordCheckNotEveryCachedRequest() {
    for (int i = 0; i < 3; i++) {
      assertThat(as("lingzhi-leader", "demo").getForEntity("/api/v1/units", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    }
    awaitEvents("actor=lingzhi-leader&action=LOGIN", 1);
    // nothing more is coming: the two later requests were answered from the recent-login cache
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> events("actor=lingzhi-leader&action=LOGIN").size() == 1);
  }

  @Test
  @Order(100)
  void credentialStuffingLocksTheAccountUntilTheLockExpires() {
    String user = "xinan-petition";
    for (int i = 0; i < 50; i++) {
      assertThat(as(user, "guess-" + i).getForEntity("/api/v1/units", String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    List<JsonNode> failures = awaitEvents("actor=" + user + "&action=LOGIN_FAILED&size=500", 50);
    assertThat(failures).filteredOn(e -> e.get("outcome").asText().equals("FAILED")).hasSize(10);
    assertThat(failures).filteredOn(e -> e.get("outcome").asText().equals("DENIED")).hasSize(40);
    awaitEvents("actor=" + user + "&action=ACCOUNT_LOCKED", 1);

    assertThat(as(user, "demo").getForEntity("/api/v1/units", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    awaitEvents("actor=" + user + "&action=LOGIN_FAILED&outcome=DENIED&size=500", 41);
    assertThat(events("actor=" + user + "&action=LOGIN")).isEmpty();

    assertThat(rest.postForEntity("/dev/clock", Map.of("advance", "PT16M"), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as(user, "demo").getForEntity("/api/v1/units", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    awaitEvents("actor=" + user + "&action=LOGIN", 1);
  }

  private void assertInvalid(String query, String field) {
    ResponseEntity<JsonNode> response = admin(query);
    assertThat(response.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().get("field").asText()).as(query).isEqualTo(field);
  }

  private List<JsonNode> awaitEvents(String query, int count) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> events(query), events -> events.size() == count);
  }

  private List<JsonNode> events(String query) {
    ResponseEntity<JsonNode> response = admin(query);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return StreamSupport.stream(response.getBody().spliterator(), false).toList();
  }

  private ResponseEntity<JsonNode> admin(String query) {
    return as("admin", "demo").getForEntity("/api/v1/audit?" + query, JsonNode.class);
  }

  private TestRestTemplate as(String user, String password) {
    return rest.withBasicAuth(user, password);
  }
}
