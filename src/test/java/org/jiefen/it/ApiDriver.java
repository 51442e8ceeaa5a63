package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What a user does through the API, as the demo users (password demo). */
final class ApiDriver {

  private final TestRestTemplate rest;

  ApiDriver(TestRestTemplate rest) {
    this.rest = rest;
  }

  ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, body, JsonNode.class);
  }

  String register(String user, Map<String, Object> body) {
    ResponseEntity<JsonNode> created = post(user, "/api/v1/cases", body);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("id").asText();
  }

  JsonNode caseFile(String caseId) {
    return get("intake", "/api/v1/cases/" + caseId).getBody();
  }

  /** The open task of the case at the BPMN element, as {@code user} sees it, once it is in the task list. */
  JsonNode awaitTask(String user, String caseId, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> openTask(user, caseId, elementId), t -> t != null);
  }

  /** As {@link #awaitTask(String, String, String)}, for the task at a given unit (after an escalation). */
  JsonNode awaitTask(String user, String caseId, String elementId, String unitCode) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> openTask(user, caseId, elementId), t -> t != null && t.get("unitCode").asText().equals(unitCode));
  }

  JsonNode openTask(String user, String caseId, String elementId) {
    JsonNode tasks = get(user, "/api/v1/tasks?caseId=" + caseId).getBody();
    return StreamSupport.stream(tasks.spliterator(), false)
        .filter(t -> t.get("elementId").asText().equals(elementId))
        .filter(t -> t.get("state").asText().equals("CREATED") || t.get("state").asText().equals("ASSIGNED"))
        .findFirst()
        .orElse(null);
  }

  /** Claims the task at the element and completes it with the form data; returns the task. */
  JsonNode work(String user, String caseId, String elementId, Map<String, Object> data) {
    return work(user, awaitTask(user, caseId, elementId), data);
  }

  JsonNode work(String user, JsonNode task, Map<String, Object> data) {
    String elementId = task.get("elementId").asText();
    String id = task.get("id").asText();
    ResponseEntity<JsonNode> claimed = post(user, "/api/v1/tasks/" + id + "/claim", null);
    assertThat(claimed.getStatusCode()).as(elementId + " claim: " + claimed.getBody()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> done = post(user, "/api/v1/tasks/" + id + "/complete", data);
    assertThat(done.getStatusCode()).as(elementId + " complete: " + done.getBody()).isEqualTo(HttpStatus.OK);
    return task;
  }

  void advanceClock(String period) {
    assertThat(rest.postForEntity("/dev/clock", Map.of("advance", period), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /**
   * Moves the shared clock an hour past {@code instant}. For clocks whose length depends on the
   * date the shared clock happens to show (weekends and holidays, court clocks rolling over a day
   * off), a fixed step would pass on some dates and not on others.
   */
  void advanceClockPast(java.time.Instant instant) {
    java.time.Instant now = java.time.Instant.parse(rest.getForObject("/dev/clock", JsonNode.class).get("now").asText());
    long seconds = Math.max(1, java.time.Duration.between(now, instant).plusHours(1).toSeconds());
    advanceClock("PT" + seconds + "S");
  }

  /** Mails in the dev mailbox whose subject names the case. */
  List<JsonNode> mailsAbout(String caseId) {
    JsonNode all = rest.getForObject("/dev/mail", JsonNode.class);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(m -> m.get("subject").asText().contains(caseId))
        .toList();
  }

  /** "recipient: subject" of each mail about the case, for exact-once assertions. */
  List<String> mailLog(String caseId) {
    return mailsAbout(caseId).stream()
        .map(m -> m.get("to").get(0).asText() + ": " + m.get("subject").asText())
        .sorted()
        .toList();
  }
}
