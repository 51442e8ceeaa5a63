package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseFile;
import org.jiefen.kpi.KpiFacts;
import org.jiefen.kpi.KpiFixtures;
import org.jiefen.search.Indices;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.units.UnitLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * The KPI page, exports and API on the app, over the seeded data set of KpiQueryTest (indexed into
 * the app's case-search index as the projection will, at units of this test's own): the district
 * leader's tables show the figures computed by hand there, the charts draw, the exports carry the
 * same rows, and bad input is refused naming the field.
 */
class KpiBrowserTest extends BrowserIntegrationTest {

  static final String DISTRICT = "440306000000";
  static final String P = "440306779000";
  static final String A = "440306779001";
  static final String B = "440306779002";
  static final String RANGE = "from=2026-03-01&to=2026-04-30";

  @Autowired UnitDirectory units;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired KpiFacts facts;

  @Override
  String screenshotPrefix() {
    return "kpi";
  }

  @BeforeAll
  void seed() throws Exception {
    List<String> p = List.of(DISTRICT, P);
    units.saveAll(List.of(
        new Unit(P, "指标测试街道", UnitLevel.TOWN, "街道", DISTRICT, p),
        new Unit(A, "甲社区", UnitLevel.VILLAGE, "社区", P, List.of(DISTRICT, P, A)),
        new Unit(B, "乙社区", UnitLevel.VILLAGE, "社区", P, List.of(DISTRICT, P, B))));
    List<BulkOperation> ops = new ArrayList<>();
    for (CaseFile f : KpiFixtures.seed(p, List.of(DISTRICT, P, A), List.of(DISTRICT, P, B))) {
      Map<String, Object> doc = KpiFixtures.document(f, facts);
      ops.add(BulkOperation.of(o -> o.index(i -> i.index(indices.caseSearch()).id("kpi-" + f.id()).document(doc))));
    }
    assertThat(es.bulk(b -> b.refresh(Refresh.True).operations(ops)).errors()).isFalse();
  }

  @Test
  void theLeaderSeesTheTablesAndChartsAndExportsTheSameRows() throws Exception {
    browser.login("qu-leader");
    assertThat(browser.text("[data-test=nav-kpi]")).isEqualTo("考核指标");
    browser.open("/kpi?unit=" + P + "&" + RANGE);
    assertThat(browser.text("h1")).isEqualTo("考核指标");
    assertThat(browser.text("[data-test=kpi-range]")).contains("指标测试街道", "2026-03-01", "2026-04-30");
    String mediationA = browser.text("[data-test=table-mediation] tr[data-unit='" + A + "']");
    assertThat(mediationA).contains("甲社区", "75.0%", "3/4", "66.7%", "2/3", "6.5", "16", "4.00");
    assertThat(browser.text("[data-test=table-mediation] tr[data-unit=total]")).contains("合计", "13", "10", "62.5%", "80.0%", "5.6");
    assertThat(browser.text("[data-test=table-petitions] tr[data-unit='" + P + "']"))
        .contains("指标测试街道（本级）", "9", "75.0%", "60.0%", "66.7%", "22.2%");
    assertThat(browser.text("[data-test=table-petitions] tr[data-unit=total]")).contains("70.0%", "50.0%", "27.3%");
    // the island drew both charts (uPlot draws on a canvas)
    browser.waitFor(d -> browser.present("#kpi-chart-success canvas") && browser.present("#kpi-chart-months canvas"));
    assertThat(browser.text("[data-test=kpi-charts]")).contains("调解受理数", "调解办结数");
    assertThat(browser.consoleErrors()).filteredOn(e -> !e.contains("favicon")).isEmpty();
    browser.screenshot("tables");
    new org.openqa.selenium.interactions.Actions(browser.driver).scrollToElement(browser.find("[data-test=kpi-charts]"))
        .perform();
    browser.driver.executeScript("document.querySelector('[data-test=kpi-charts]').scrollIntoView()");
    browser.screenshot("charts");

    var csv = browser.download(browser.find("[data-test=export-csv]").getAttribute("href"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF单位代码,单位,");
    assertThat(text.lines().toList()).hasSize(5)
        .anySatisfy(l -> assertThat(l).startsWith(A + ",甲社区,7,6,75.0%,66.7%,6.5,16,4.00"))
        .anySatisfy(l -> assertThat(l).startsWith(",合计,13,10,62.5%,80.0%,5.6,10,4.20,11,70.0%,50.0%,60.0%,66.7%,27.3%,6"));
    var xlsx = browser.download(browser.find("[data-test=export-xlsx]").getAttribute("href"));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    // both exports audited (the audit index is searchable after its refresh)
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(api.get("admin", "/api/v1/audit?action=KPI_EXPORTED&actor=qu-leader&size=50").getBody().toString())
            .contains(P).contains("csv 2026-03-01..2026-04-30").contains("xlsx 2026-03-01..2026-04-30"));

    // a bad date is named at its field, not a stack trace
    browser.open("/kpi?unit=" + P + "&from=2026-04-30&to=2026-03-01");
    assertThat(browser.text("[data-test=error-from]")).contains("开始日期");
    browser.screenshot("bad-date");
    browser.open("/kpi?unit=" + P + "&" + RANGE + "&lang=en");
    assertThat(browser.text("h1")).isEqualTo("KPIs");
    assertThat(browser.text("[data-test=table-mediation] tr[data-unit=total]")).contains("Total");
    browser.screenshot("english");
  }

  @Test
  void aPhoneSizedScreenShowsTheTablesAsCards() {
    try (Browser phone = new Browser(port, "kpi-phone", 360, 800)) {
      phone.login("qu-leader");
      phone.open("/kpi?unit=" + P + "&" + RANGE);
      assertThat(phone.text("[data-test=table-mediation] tr[data-unit=total]")).contains("62.5%");
      phone.waitFor(d -> phone.present("#kpi-chart-months canvas"));
      phone.screenshot("phone");
    }
  }

  @Test
  void theApiAnswersJsonAndNamesTheFieldOfBadInput() {
    JsonNode report = api.get("qu-leader", "/api/v1/kpi?unit=" + P + "&" + RANGE).getBody();
    assertThat(report.at("/total/mediation/received").asLong()).isEqualTo(13);
    assertThat(report.at("/total/mediation/p90Days").asInt()).isEqualTo(10);
    assertThat(report.at("/total/petitions/received").asLong()).isEqualTo(11);
    assertThat(report.at("/months/0/month").asText()).isEqualTo("2026-03");
    // the quarter shortcut is April-June: only April's cases
    JsonNode q2 = api.get("qu-leader", "/api/v1/kpi?unit=" + P + "&period=2026-Q2").getBody();
    assertThat(q2.at("/from").asText()).isEqualTo("2026-04-01");
    assertThat(q2.at("/total/mediation/received").asLong()).isEqualTo(4);

    var unknown = api.get("qu-leader", "/api/v1/kpi?unit=999999999999&" + RANGE);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().at("/field").asText()).isEqualTo("unit");
    var outside = api.get("xinan-leader", "/api/v1/kpi?unit=" + P + "&" + RANGE);
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(outside.getBody().at("/field").asText()).isEqualTo("unit");
    var reversed = api.get("qu-leader", "/api/v1/kpi?unit=" + P + "&from=2026-04-30&to=2026-03-01");
    assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(reversed.getBody().at("/field").asText()).isEqualTo("from");
    var badDate = api.get("qu-leader", "/api/v1/kpi?from=2026-03-01&to=2026-02-30");
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody().at("/field").asText()).isEqualTo("to");
    var badPeriod = api.get("qu-leader", "/api/v1/kpi?period=2026-Q5");
    assertThat(badPeriod.getBody().at("/field").asText()).isEqualTo("period");
    var badFormat = api.get("qu-leader", "/api/v1/kpi?format=pdf");
    assertThat(badFormat.getBody().at("/field").asText()).isEqualTo("format");
    assertThat(api.get("haiwang-mediator", "/api/v1/kpi").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var csv = rest.withBasicAuth("qu-leader", "demo").getForEntity("/api/v1/kpi?unit=" + P + "&" + RANGE + "&format=csv", byte[].class);
    assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).startsWith("\uFEFF").contains(",合计,13,10,");
  }
}
