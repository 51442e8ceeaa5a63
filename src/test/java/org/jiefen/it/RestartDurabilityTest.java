package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.JiefenApplication;
import org.jiefen.search.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/**
 * Stops the whole app in the middle of a case and starts it again on the same data directory:
 * the case, its open task and its armed deadline timer are all back, and the process finishes.
 */
class RestartDurabilityTest {

  /** The parties decline: the consent form's shortest way to a closed case. */
  static final Map<String, Object> CONSENT = Map.of("consent", "refused", "note", "被申请人不同意调解");

  private final String run = "restart-" + AppTestSupport.RUN;
  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void caseTaskAndTimerSurviveARestart() {
    start();
    ResponseEntity<JsonNode> created =
        as("intake")
            .postForEntity(
                "/api/v1/cases",
                AppTestSupport.wageDispute("440306001002", AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()),
                JsonNode.class);
    String caseId = created.getBody().get("id").asText();
    String taskId = awaitOpenTask(caseId).get("id").asText();

    app.close();
    app = null;
    start();

    assertThat(as("intake").getForObject("/api/v1/cases/" + caseId, JsonNode.class).get("status").asText())
        .isEqualTo("OPEN");
    assertThat(awaitOpenTask(caseId).get("id").asText()).isEqualTo(taskId);

    // the consent task's warning timer, armed before the restart, fires on the moved clock
    as("intake").postForEntity("/dev/clock", Map.of("advance", "P26D"), JsonNode.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(caseId, "lingzhi-leader@jiefen.local") == 1);

    assertThat(as("lingzhi-mediator").postForEntity("/api/v1/tasks/" + taskId + "/claim", null, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            as("lingzhi-mediator")
                .postForEntity("/api/v1/tasks/" + taskId + "/complete", CONSENT, JsonNode.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    await().atMost(Duration.ofSeconds(15)).until(
        () -> "CLOSED".equals(as("intake").getForObject("/api/v1/cases/" + caseId, JsonNode.class).get("status").asText()));
  }

  private JsonNode awaitOpenTask(String caseId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> as("intake").getForObject("/api/v1/tasks?state=CREATED&caseId=" + caseId, JsonNode.class),
            tasks -> tasks != null && tasks.size() == 1)
        .get(0);
  }

  private long mailsAbout(String caseId, String to) {
    JsonNode mails = as("intake").getForObject("/dev/mail", JsonNode.class);
    return StreamSupport.stream(mails.spliterator(), false)
        .filter(m -> m.get("subject").asText().contains(caseId))
        .filter(m -> m.get("to").get(0).asText().equals(to))
        .count();
  }

  private void start() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", 0);
    properties.put("jiefen.data-dir", "target/test-data/" + run);
    properties.put("jiefen.engine.port", 0);
    properties.put("jiefen.mail.port", 0);
    properties.put("jiefen.elasticsearch.url", TestElasticsearch.url());
    properties.put("jiefen.elasticsearch.port", TestElasticsearch.PORT);
    properties.put("jiefen.elasticsearch.index-prefix", "it-" + run);
    app = new SpringApplicationBuilder(JiefenApplication.class)
        .run(AppTestSupport.args(properties));
  }

  private RestTemplate as(String user) {
    String port = app.getEnvironment().getProperty("local.server.port");
    return new RestTemplateBuilder()
        .rootUri("http://127.0.0.1:" + port)
        .basicAuthentication(user, "demo")
        .build();
  }
}
