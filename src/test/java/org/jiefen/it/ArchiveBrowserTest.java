package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.Map;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** The archive in the browser: the case page's 案卷 section and download, the expired list and a decision. */
class ArchiveBrowserTest extends BrowserIntegrationTest {

  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;

  @Override
  String screenshotPrefix() {
    return "archive";
  }

  @Test
  void theCasePageShowsTheArchiveAndAnAdministratorDecidesOnAnExpiredRecord() throws Exception {
    String caseId = api.register("intake", MediationApiTest.dispute("440306001002", AppTestSupport.uniquePhone()));
    api.work("lingzhi-mediator", caseId, "Task_RecordConsent", Map.of("consent", "refused", "note", "不同意调解"));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.caseFile(caseId), f -> f.hasNonNull("archivedAt"));

    browser.login("lingzhi-mediator");
    browser.open("/cases/" + caseId);
    browser.find("[data-test=case-archive]");
    assertThat(browser.text("[data-test=case-archive]")).contains("案卷", "保管期限", "P10Y");
    String href = browser.find("[data-test=bundle-download]").getAttribute("href");
    var pdf = browser.download(href);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    browser.screenshot("case-archive");
    browser.logout();

    es.update(u -> u.index(indices.archive()).id(caseId)
        .doc(Map.of("retention", Map.of("period", "P10Y", "expiresOn", "2019-06-30")))
        .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor), Map.class);

    browser.login("admin");
    browser.open("/admin");
    browser.click("[data-test=area-archive]");
    assertThat(browser.url()).startsWith("/admin/archive");
    String row = "tr[data-case='" + caseId + "']";
    assertThat(browser.text(row)).contains(caseId, "人民调解", "当事人不同意调解", "2019-06-30");
    browser.screenshot("expired-list");

    // keep, with a period that is none: the reason stays, the period is marked
    new Select(browser.find(row + " select[name=decision]")).selectByValue("KEEP");
    browser.type(row + " input[name=period]", "五年").type(row + " input[name=reason]", "尚有关联诉讼");
    browser.find(row + " button[type=submit]").click();
    browser.screenshot("keep-submitted");
    assertThat(browser.text(row + " [data-error=period]")).contains("P5Y");
    assertThat(browser.find(row + " input[name=reason]").getAttribute("value")).isEqualTo("尚有关联诉讼");
    browser.screenshot("keep-refused");

    new Select(browser.find(row + " select[name=decision]")).selectByValue("DESTROY");
    browser.type(row + " input[name=reason]", "保管期满，经鉴定无继续保存价值");
    browser.find(row + " button[type=submit]").click();
    assertThat(browser.text("[data-test=flash]")).contains(caseId, "销毁");
    assertThat(browser.all(row)).isEmpty();
    browser.screenshot("destroyed");

    browser.open("/admin/archive?lang=en");
    assertThat(browser.text("h1")).isEqualTo("Expired archive records");
    assertThat(browser.consoleErrors()).as("only the refused decision's 400 (and the absent favicon)")
        .allMatch(e -> e.contains("favicon") || e.contains("/decision?page=0 - Failed to load resource: the server responded with a status of 400"));
    browser.logout();
  }
}
