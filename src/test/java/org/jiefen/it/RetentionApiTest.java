package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.texts.RetentionSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The retention schedule's admin API: the configured defaults, validation naming the row, overrides, audit. */
class RetentionApiTest extends AppIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired RetentionSchedule schedule;

  @AfterEach
  void restoreDefaults() {
    Map<String, String> all = new HashMap<>();
    schedule.entries().forEach(e -> all.put(e.key(), ""));
    put("admin", all);
  }

  @Test
  void theScheduleStartsFromTheConfiguredDefaults() {
    ResponseEntity<JsonNode> got = rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/retention", JsonNode.class);
    assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, String> periods = new HashMap<>();
    got.getBody().forEach(r -> periods.put(r.get("key").asText(), r.get("period").asText()));
    assertThat(periods).containsEntry("mediation.agreed", "P30Y").containsEntry("mediation.refused", "P10Y")
        .containsEntry("petition.closed_final", "PERMANENT").containsEntry("petition.not_accepted", "P10Y")
        .containsKeys("mediation.other", "petition.other").hasSize(12);
  }

  @Test
  void anOverrideIsSavedAuditedWithOldAndNewAndRestored() {
    ResponseEntity<JsonNode> saved = put("admin", Map.of("mediation.refused", "P15Y", "petition.other", "permanent"));
    assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
    JsonNode refused = row(saved.getBody(), "mediation.refused");
    assertThat(refused.get("period").asText()).isEqualTo("P15Y");
    assertThat(refused.get("defaultPeriod").asText()).isEqualTo("P10Y");
    assertThat(refused.get("overridden").asBoolean()).isTrue();
    assertThat(refused.get("updatedBy").asText()).isEqualTo("admin");
    // what issue 8's archiving will ask
    assertThat(schedule.periodFor("mediation", "refused").text()).isEqualTo("P15Y");
    assertThat(schedule.periodFor("petition", "some_new_outcome").permanent()).isTrue();

    JsonNode event = await().atMost(Duration.ofSeconds(10)).until(() -> audit("mediation.refused"), e -> e != null);
    assertThat(event.get("detail").asText()).isEqualTo("P10Y -> P15Y");
    assertThat(event.get("actor").asText()).isEqualTo("admin");

    // the same value again changes nothing and records nothing more
    put("admin", Map.of("mediation.refused", "P15Y"));
    Map<String, String> restore = new HashMap<>();
    restore.put("mediation.refused", "");
    JsonNode back = put("admin", restore).getBody();
    assertThat(row(back, "mediation.refused").get("period").asText()).isEqualTo("P10Y");
    assertThat(row(back, "mediation.refused").get("overridden").asBoolean()).isFalse();
    assertThat(schedule.periodFor("mediation", "refused").text()).isEqualTo("P10Y");
    List<String> details = await().atMost(Duration.ofSeconds(10)).until(() -> auditDetails("mediation.refused"),
        d -> d.size() >= 2);
    assertThat(details).containsExactlyInAnyOrder("P10Y -> P15Y", "P15Y -> P10Y (default)");
  }

  @Test
  void invalidPeriodsAndRowsAreRefusedNamingEachAndNothingIsSaved() {
    ResponseEntity<JsonNode> bad = put("admin", Map.of("mediation.agreed", "P10D", "petition.handled", "forever",
        "petition.withdrawn", "P10Y", "mediation.terminated", "P20Y"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    List<String> fields = StreamSupport.stream(bad.getBody().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText()).toList();
    assertThat(fields).containsExactlyInAnyOrder("mediation.agreed", "petition.handled", "petition.withdrawn");
    assertThat(bad.getBody().get("errors").get(0).get("message").asText()).isNotBlank();
    // all or nothing: the valid row was not saved either
    assertThat(schedule.periodFor("mediation", "terminated").text()).isEqualTo("P10Y");

    ResponseEntity<JsonNode> empty = put("admin", Map.of());
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().get("field").asText()).isEqualTo("body");
  }

  @Test
  void onlyAdministratorsReachTheSchedule() {
    assertThat(rest.withBasicAuth("qu-leader", "demo").getForEntity("/api/v1/retention", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("intake", Map.of("mediation.agreed", "P1Y")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/v1/retention", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(schedule.periodFor("mediation", "agreed").text()).isEqualTo("P30Y");
  }

  private ResponseEntity<JsonNode> put(String user, Map<String, String> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").exchange("/api/v1/retention", HttpMethod.PUT, new HttpEntity<>(body, headers),
        JsonNode.class);
  }

  private static JsonNode row(JsonNode rows, String key) {
    return StreamSupport.stream(rows.spliterator(), false).filter(r -> r.get("key").asText().equals(key)).findFirst()
        .orElseThrow();
  }

  private JsonNode audit(String key) {
    return StreamSupport.stream(events().spliterator(), false).filter(e -> e.get("target").asText().equals(key))
        .findFirst().orElse(null);
  }

  private List<String> auditDetails(String key) {
    return StreamSupport.stream(events().spliterator(), false).filter(e -> e.get("target").asText().equals(key))
        .map(e -> e.get("detail").asText()).toList();
  }

  private JsonNode events() {
    return rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/audit?action=RETENTION_SAVED&size=200", JsonNode.class)
        .getBody();
  }
}
