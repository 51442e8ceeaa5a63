package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;




import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The citizen query (群众查询) in a browser, signed out: the query code and the last four digits
 * of the phone show the status and next step and nothing else; wrong digits and a wrong code get
 * the same neutral answer; after five failures for a code even the right digits are refused for
 * a while; every query is audited without the digits.
 */
class QueryBrowserTest extends BrowserIntegrationTest {

  static final String LINGZHI = "440306001002";


  @Override
  String screenshotPrefix() {
    return "query";
  }

  record Registered(String id, String queryCode, String phone, String idNumber) {}

  private Registered register() {
    String phone = AppTestSupport.uniquePhone();
    String idNumber = AppTestSupport.uniqueIdNumber();
    Map<String, Object> body = AppTestSupport.wageDispute(LINGZHI, idNumber, phone);
    ResponseEntity<JsonNode> created = api.post("intake", "/api/v1/cases", body);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    Registered r = new Registered(created.getBody().get("id").asText(), created.getBody().get("queryCode").asText(),
        phone, idNumber);
    api.awaitTask("lingzhi-mediator", r.id(), "Task_RecordConsent");
    return r;
  }

  private void query(String code, String digits) {
    browser.open("/query");
    browser.type("#code", code).type("#digits", digits).click("[data-test=query-submit]");
  }

  @Test
  void theRightCodeAndDigitsShowTheStatusOnlyAndWrongOnesANeutralMessage() {
    Registered r = register();
    String last4 = r.phone().substring(7);

    browser.open("/query");
    assertThat(browser.text("h1")).isEqualTo("办理进度查询");
    browser.screenshot("form");

    query(r.queryCode(), wrong(last4));
    String neutral = browser.text("[data-test=query-outcome]");
    assertThat(neutral).isEqualTo("未查到，请核对查询码和手机号后四位。");
    assertThat(browser.present("[data-test=query-status]")).isFalse();
    browser.screenshot("not-found");
    query("ZZZZ2345", last4);
    assertThat(browser.text("[data-test=query-outcome]")).as("a wrong code reads the same").isEqualTo(neutral);

    query(r.queryCode().toLowerCase(), last4);
    assertThat(browser.text("[data-test=query-status]")).isEqualTo("已受理：正在征询各方调解意愿。调解层级：村（社区）");
    String source = browser.driver.getPageSource();
    assertThat(source).doesNotContain("王小明", "王某", "某劳务派遣", r.phone(), r.idNumber(),
        r.phone().substring(0, 3) + "****", "****", "灵芝", "lingzhi", r.id());
    browser.screenshot("status");

    // Audit events become searchable on the index's refresh, not at once.
    JsonNode audit = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(
        () -> api.get("admin", "/api/v1/audit?action=CASE_QUERIED&caseId=" + r.id()).getBody(), a -> a.size() > 0);
    assertThat(audit.toString()).contains("CASE_QUERIED").doesNotContain(r.phone()).doesNotContain(r.queryCode());
    assertThat(audit.findValuesAsText("detail")).noneMatch(d -> d.contains(last4));

    browser.open("/query?lang=en");
    browser.type("#code", r.queryCode()).type("#digits", last4).click("[data-test=query-submit]");
    assertThat(browser.text("[data-test=query-status]"))
        .isEqualTo("Accepted: asking the parties whether they agree to mediation. Mediation level: Village/community");
    browser.open("/query?lang=zh_CN");
  }

  @Test
  void badInputIsExplainedNextToTheField() {
    browser.open("/query");
    browser.type("#code", " ").type("#digits", "12a").click("[data-test=query-submit]");
    assertThat(browser.text("[data-test=error-code]")).isEqualTo("请输入查询码。");
    assertThat(browser.text("[data-test=error-digits]")).contains("后四位");
    browser.screenshot("bad-input");
  }

  @Test
  void sixWrongTriesBlockTheCodeEvenWithTheRightDigits() {
    Registered r = register();
    String last4 = r.phone().substring(7);
    for (int i = 0; i < 5; i++) {
      query(r.queryCode(), wrong(last4));
      assertThat(browser.text("[data-test=query-outcome]")).startsWith("未查到");
    }
    query(r.queryCode(), wrong(last4));
    assertThat(browser.text("[data-test=query-outcome]")).isEqualTo("查询失败次数过多，请稍后再试。");
    query(r.queryCode(), last4);
    assertThat(browser.text("[data-test=query-outcome]")).isEqualTo("查询失败次数过多，请稍后再试。");
    assertThat(browser.present("[data-test=query-status]")).isFalse();
    browser.screenshot("throttled");
  }

  @Test
  void theQueryPageFitsAPhone() {
    Registered r = register();
    try (Browser phone = new Browser(port, "query-phone", 360, 740)) {
      phone.open("/query");
      assertThat(BoardBrowserTest.overflow(phone)).isLessThanOrEqualTo(0L);
      phone.screenshot("query-360");
      phone.type("#code", r.queryCode()).type("#digits", r.phone().substring(7)).click("[data-test=query-submit]");
      assertThat(phone.text("[data-test=query-status]")).startsWith("已受理");
      assertThat(BoardBrowserTest.overflow(phone)).isLessThanOrEqualTo(0L);
      phone.screenshot("status-360");
    }
  }

  private static String wrong(String last4) {
    return String.format("%04d", (Integer.parseInt(last4) + 1) % 10_000);
  }
}
