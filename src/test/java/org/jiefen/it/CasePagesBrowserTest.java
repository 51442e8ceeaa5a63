package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.Agreements;
import org.jiefen.cases.CaseClocks;
import org.jiefen.documents.DocumentService;
import org.jiefen.documents.DocumentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The case page: masked parties, clocks with their legal basis, the timeline, the diagram with the
 * open task marked, a document downloaded as PDF; refused (and empty) for a mediator of another
 * community; no horizontal scrolling on a phone.
 */
class CasePagesBrowserTest extends BrowserIntegrationTest {

  static final String HAIWANG = "440306001001";

  @Autowired Agreements agreements;
  @Autowired DocumentService documents;
  @Autowired CaseClocks clocks;

  String caseId;
  String idNumber;
  String phone;

  @BeforeAll
  void start() {
    idNumber = AppTestSupport.uniqueIdNumber();
    phone = AppTestSupport.uniquePhone();
    Map<String, Object> dispute = new HashMap<>(MediationApiTest.dispute(HAIWANG, phone));
    dispute.put("parties", List.of(
        Map.of("name", "王小明", "role", "applicant", "idNumber", idNumber, "phone", phone),
        Map.of("name", "某劳务派遣有限公司", "role", "respondent")));
    caseId = api.register("intake", dispute);
    api.awaitTask("haiwang-mediator", caseId, "Task_RecordConsent");
    agreements.record(caseId, Map.of(
        "facts", "被申请人拖欠申请人三个月工资共计一万八千元。",
        "terms", "被申请人于2026年12月31日前一次性支付工资一万八千元。",
        "performanceMethod", "银行转账",
        "performBy", "2026-12-31"), "haiwang-mediator", HAIWANG);
    documents.generate(caseId, DocumentType.MEDIATION_AGREEMENT, null, "haiwang-mediator");
    clocks.start(caseId, "confirmation-application", null, "case-page-test");
  }

  @Override
  String screenshotPrefix() {
    return "case";
  }

  @Test
  void aMediatorSeesTheMaskedFileClocksTimelineDiagramAndDownloadsTheAgreement() throws Exception {
    browser.login("haiwang-mediator").open("/cases/" + caseId);
    assertThat(browser.text("[data-test=page-case-id]")).isEqualTo(caseId);
    assertThat(browser.text("[data-test=case-parties]")).contains("王小明", "某劳务派遣有限公司");
    String source = browser.driver.getPageSource();
    assertThat(source).as("no full ID number").doesNotContain(idNumber);
    assertThat(source).as("no full phone number").doesNotContain(phone);
    assertThat(browser.text("[data-test=case-parties]")).contains(idNumber.substring(0, 3), phone.substring(phone.length() - 4));

    String clocksText = browser.text("[data-test=case-clocks]");
    assertThat(clocksText).contains("申请司法确认期限", "《中华人民共和国人民调解法》第三十三条", "正常", "计时中");
    assertThat(browser.text("[data-test=case-timeline]")).contains("立案登记", "制作调解协议", "生成文书");
    assertThat(browser.text("[data-test=case-agreement]")).contains("银行转账", "尚未生效");

    // the diagram: the open task's shape carries the marker, the watermark stays
    browser.waitFor(d -> browser.present("[data-test=diagram-canvas] [data-element-id=Task_RecordConsent].active"));
    assertThat(browser.all("[data-test=diagram-canvas] .djs-element.active")).hasSize(1);
    assertThat(browser.present("[data-test=diagram-canvas] .bjs-powered-by")).isTrue();
    assertThat(browser.text("[data-test=diagram-active-names]")).isEqualTo("征询调解意愿");
    browser.screenshot("case-page");

    String href = browser.find("[data-test=document-download]").getAttribute("href");
    HttpResponse<byte[]> pdf = browser.download(href);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
    assertThat(browser.download(href.replaceAll("[0-9a-f]{64}$", "0".repeat(64))).statusCode()).isEqualTo(404);

    // the explicit, audited reveal: the number appears in the page only after a reason is given
    browser.click("[data-test=case-reveal] summary");
    browser.type("form.reveal[data-party='0'] input[name=reason]", "制作司法确认申请书");
    new org.openqa.selenium.support.ui.Select(browser.find("form.reveal[data-party='0'] select[name=field]")).selectByValue("phone");
    browser.click("form.reveal[data-party='0'] button");
    browser.waitFor(d -> phone.equals(browser.find("form.reveal[data-party='0'] [data-test=revealed]").getText()));
    browser.screenshot("revealed");
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      var audit = api.get("admin", "/api/v1/audit?action=PII_REVEALED&caseId=" + caseId).getBody();
      assertThat(audit).hasSize(1);
      assertThat(audit.get(0).get("actor").asText()).isEqualTo("haiwang-mediator");
    });

    browser.open("/cases/" + caseId + "?lang=en");
    assertThat(browser.text("[data-test=case-clocks]")).contains("Statutory time limits", "Running");
    browser.screenshot("case-page-en");
    browser.open("/cases/" + caseId + "?lang=zh_CN");
  }

  @Test
  void aMediatorOfAnotherCommunityIsRefusedWithoutAnyOfTheCase() throws Exception {
    try (Browser other = new Browser(port, "case-refused")) {
      other.login("gushu-mediator").open("/cases/" + caseId);
      assertThat(other.text("[data-test=error-message]")).contains("未找到该页面或案件");
      String source = other.driver.getPageSource();
      assertThat(source).doesNotContain("王小明", "拖欠", "Task_RecordConsent");
      other.screenshot("refused");
      other.open("/cases/" + caseId + "/diagrams/1");
      assertThat(other.text("[data-test=error-message]")).contains("未找到该页面或案件");
    }
  }

  @Test
  void onAPhoneThePageDoesNotScrollSideways() {
    try (Browser phoneBrowser = new Browser(port, "case-360", 360, 740)) {
      phoneBrowser.login("haiwang-mediator").open("/cases/" + caseId);
      phoneBrowser.waitFor(d -> phoneBrowser.present("[data-test=diagram-canvas] .djs-element.active"));
      Long width = (Long) phoneBrowser.driver.executeScript("return document.documentElement.scrollWidth");
      assertThat(width).isLessThanOrEqualTo(360L);
      phoneBrowser.screenshot("case-page-360");
    }
  }
}
