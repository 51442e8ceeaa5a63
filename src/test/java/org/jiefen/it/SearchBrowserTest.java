package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The search page: box, facets with counts as links, highlighted results, badges; desktop and 360 px, no script needed. */
class SearchBrowserTest extends BrowserIntegrationTest {

  @Override
  String screenshotPrefix() {
    return "search";
  }

  @Test
  void searchFacetAndOpenACase() {
    // shifted glyphs: no bigram in common with the API test's marker (a 75% match would find those cases too)
    String mark = "浏览页面" + CaseSearchApiTest.chinese(AppTestSupport.RUN, 23);
    String q = CaseSearchApiTest.enc(mark);
    String wage = api.register("intake", CaseSearchApiTest.mediation("张三与某电子厂拖欠工资纠纷",
        "申请人称电子厂拖欠工资两个月。" + mark, "labour", CaseSearchApiTest.HAIWANG, "张三",
        AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    String noise = api.register("intake", CaseSearchApiTest.mediation("楼上楼下邻里噪音纠纷",
        "楼上住户夜间噪音扰民。" + mark, "neighbour", CaseSearchApiTest.HAIWANG, "李四",
        AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("haiwang-mediator", "/api/v1/search?q=" + mark)
        .getBody().get("hits").size() == 2);

    browser.login("haiwang-mediator").open("/search");
    assertThat(browser.present("[data-test=nav-search]")).isTrue();
    browser.type("[data-test=search-q]", "电子厂拖欠工资").click("[data-test=search-submit]");
    browser.find("[data-test=results]");
    assertThat(browser.present("[data-test=hit-" + wage + "]")).isTrue();
    assertThat(browser.present("[data-test=hit-" + noise + "]")).isFalse();
    assertThat(browser.find("[data-test=hit-" + wage + "] .hit-title em").getText()).isNotEmpty();
    browser.screenshot("results");

    browser.open("/search?q=" + q);
    assertThat(browser.text("[data-test=facet-category]")).contains("劳动争议纠纷").contains("1");
    browser.click("[data-test=facet-category] a");
    browser.find("[data-test=facet-category] a.selected");
    assertThat(browser.all("[data-test=results] li.hit")).hasSize(1);
    browser.screenshot("facet-selected");

    browser.open("/search?q=" + q + "&year=20x6");
    assertThat(browser.text("[data-test=search-error]")).contains("年度");
    browser.screenshot("bad-year");

    try (Browser phone = new Browser(port, "search-phone", 360, 780)) {
      phone.login("haiwang-mediator").open("/search?q=" + q);
      assertThat(phone.present("[data-test=hit-" + wage + "]")).isTrue();
      phone.screenshot("phone");
      phone.click("[data-test=hit-" + wage + "] .hit-title");
      phone.find("main");
      assertThat(phone.url()).contains("/cases/" + wage);
    }
    browser.open("/search?lang=en&q=" + q);
    assertThat(browser.text("[data-test=facets]")).contains("Category");
    browser.screenshot("english");
  }
}
