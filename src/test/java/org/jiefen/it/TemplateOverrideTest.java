package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An administrator's wording of a mail template on the whole app: the next mail the worker queues
 * (read from GreenMail) carries it, restoring the default brings the shipped one back, invalid
 * patterns are refused naming the field, and only administrators may do any of it.
 */
class TemplateOverrideTest extends AppIntegrationTest {

  static final String ACCEPTED = "/api/v1/templates/mail/case-accepted/zh_CN";

  @Autowired TestRestTemplate rest;

  @AfterEach
  void restoreTheDefault() {
    // the app is shared with the other tests: leave the shipped wording behind
    rest.withBasicAuth("admin", "demo").exchange(ACCEPTED, HttpMethod.DELETE, null, JsonNode.class);
  }

  @Test
  void theNextAcceptanceMailUsesTheSavedWordingAndTheDefaultOnceRestored() {
    ApiDriver api = new ApiDriver(rest);
    ResponseEntity<JsonNode> saved = put(ACCEPTED, Map.of(
        "subject", "【解纷·测试】调解申请 {0} 已受理",
        "text", "{1}：\n\n您的纠纷“{2}”已由{4}受理。查询码：{3}。如有疑问，请致电调解委员会。"));
    assertThat(saved.getStatusCode()).as(String.valueOf(saved.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(saved.getBody().get("overridden").asBoolean()).isTrue();
    assertThat(saved.getBody().get("updatedBy").asText()).isEqualTo("admin");

    String caseId = register(api);
    JsonNode mail = awaitMail(api, caseId);
    assertThat(mail.get("subject").asText()).isEqualTo("【解纷·测试】调解申请 " + caseId + " 已受理");
    assertThat(mail.get("text").asText()).contains("如有疑问，请致电调解委员会。", "查询码：", "解纷案件管理系统")
        .doesNotContain("人民调解遵循当事人自愿");

    // the audit trail has the key and the hash, not the wording
    JsonNode event = await().atMost(Duration.ofSeconds(10)).until(() -> auditEvent("mail:case-accepted:zh_CN"),
        e -> e != null);
    assertThat(event.get("detail").asText()).matches("sha256=[0-9a-f]{64}");
    assertThat(event.get("actor").asText()).isEqualTo("admin");

    ResponseEntity<JsonNode> restored =
        rest.withBasicAuth("admin", "demo").exchange(ACCEPTED, HttpMethod.DELETE, null, JsonNode.class);
    assertThat(restored.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(restored.getBody().get("overridden").asBoolean()).isFalse();
    String second = register(api);
    assertThat(awaitMail(api, second).get("subject").asText())
        .isEqualTo("【解纷】您的纠纷调解申请已受理（案件编号 " + second + "）");
  }

  @Test
  void invalidPatternsAreRefusedNamingTheFieldAndNothingIsSaved() {
    ResponseEntity<JsonNode> unclosed = put(ACCEPTED, Map.of("subject", "案件 {0 已受理", "text", "{1}：已受理。"));
    assertThat(unclosed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unclosed.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(unclosed.getBody().get("field").asText()).isEqualTo("subject");

    // {12} is the court's reason: the acceptance mail has none
    ResponseEntity<JsonNode> foreign = put(ACCEPTED, Map.of("subject", "案件 {0} 已受理", "text", "理由：{12}"));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(foreign.getBody().get("field").asText()).isEqualTo("text");
    assertThat(foreign.getBody().get("errors").get(0).get("message").asText()).contains("{12}");

    ResponseEntity<JsonNode> several = put(ACCEPTED, Map.of("subject", "", "text", "请致电 13712345678"));
    assertThat(several.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> fields = StreamSupport.stream(several.getBody().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText()).toList();
    assertThat(fields).containsExactly("subject", "text");

    JsonNode now = rest.withBasicAuth("admin", "demo").getForEntity(ACCEPTED, JsonNode.class).getBody();
    assertThat(now.get("overridden").asBoolean()).isFalse();
    assertThat(now.get("subject").asText()).startsWith("【解纷】您的纠纷调解申请已受理");
  }

  @Test
  void onlyAdministratorsReachTheTemplatesAndUnknownOnesAreNotFound() {
    ResponseEntity<JsonNode> clerk = rest.withBasicAuth("intake", "demo").exchange(ACCEPTED, HttpMethod.PUT,
        json(Map.of("subject", "{0}", "text", "{1}")), JsonNode.class);
    assertThat(clerk.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("qu-leader", "demo").getForEntity("/api/v1/templates", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("/api/v1/templates/mail/no-such-mail/zh_CN", Map.of("subject", "{0}", "text", "{1}")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(put("/api/v1/templates/mail/case-accepted/fr", Map.of("subject", "{0}", "text", "{1}")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    JsonNode all = rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/templates", JsonNode.class).getBody();
    assertThat(all.get("mail").size()).isGreaterThanOrEqualTo(64); // 32 templates in two languages
    assertThat(all.get("documents").size()).isEqualTo(3);
  }

  private ResponseEntity<JsonNode> put(String path, Map<String, String> body) {
    return rest.withBasicAuth("admin", "demo").exchange(path, HttpMethod.PUT, json(body), JsonNode.class);
  }

  private static HttpEntity<Object> json(Object body) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static String register(ApiDriver api) {
    return api.register("intake", AppTestSupport.wageDispute("440306001001", AppTestSupport.uniqueIdNumber(),
        AppTestSupport.uniquePhone()));
  }

  /** The acceptance mail to the applicant, as GreenMail received it. */
  private static JsonNode awaitMail(ApiDriver api, String caseId) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> api.mailsAbout(caseId).stream()
            .filter(m -> m.get("to").get(0).asText().equals("wang.xm@example.com")).findFirst().orElse(null),
        m -> m != null);
  }

  private JsonNode auditEvent(String target) {
    JsonNode events = rest.withBasicAuth("admin", "demo")
        .getForEntity("/api/v1/audit?action=TEMPLATE_SAVED&size=100", JsonNode.class).getBody();
    return StreamSupport.stream(events.spliterator(), false)
        .filter(e -> e.get("target").asText().equals(target) && e.get("detail").asText().startsWith("sha256="))
        .findFirst().orElse(null);
  }
}
