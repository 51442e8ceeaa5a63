package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;





/**
 * The supervision board (督办看板) in a browser: a dispute left alone at a community goes from
 * green to yellow to red on the board of the street's leader as the demo clock page moves time,
 * and its unit in the tree turns with it; a sibling street's leader never sees it; a petition
 * left alone brings a supervision order to the district leader's board; a confidential report is
 * on nobody's board but those in charge of it; the demo pages (clock, mailbox) work.
 */
class BoardBrowserTest extends BrowserIntegrationTest {

  static final String HAIWANG = MediationApiTest.HAIWANG;
  static final String XINAN = MediationApiTest.XINAN;
  static final String DISTRICT = "440306000000";
  static final List<String> ORDER = List.of("NONE", "GREEN", "YELLOW", "RED");


  @Override
  String screenshotPrefix() {
    return "board";
  }

  @Test
  void aSupervisorSeesADisputeLeftAloneTurnYellowThenRedAsTheDemoClockMoves() {
    String caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    api.awaitTask("haiwang-mediator", caseId, "Task_RecordConsent");

    browser.login("xinan-leader");
    browser.open("/board");
    assertThat(browser.text("h1")).isEqualTo("督办看板");
    assertThat(caseState(caseId)).isEqualTo("GREEN");
    assertThat(browser.text("[data-test=board-tree]")).contains("新安街道", "海旺社区", "灵芝社区").doesNotContain("西乡街道");
    assertThat(browser.find("[data-test=section-GREEN] [data-case='" + caseId + "']").getText()).contains("海旺社区");
    browser.screenshot("green");

    // The tree's links narrow the lists to a unit's subtree.
    browser.click("[data-unit='" + HAIWANG + "']");
    assertThat(browser.url()).isEqualTo("/board?unit=" + HAIWANG);
    assertThat(browser.text("[data-test=board-scope]")).contains("海旺社区");
    assertThat(browser.present("[data-case='" + caseId + "']")).isTrue();
    browser.open("/board?unit=440306001002");
    assertThat(browser.present("[data-case='" + caseId + "']")).as("not at 灵芝社区").isFalse();

    // Day 26: past the level's warning (30 days, warned 5 days before): yellow, on the demo clock page.
    browser.open("/dev/time");
    assertThat(browser.text("[data-test=dev-notice]")).contains("演示工具");
    String before = browser.text("[data-test=time-now]");
    browser.type("#advance", "P26D").click("[data-test=advance-custom]");
    assertThat(browser.text("[data-test=time-advanced]")).contains("P26D");
    assertThat(browser.text("[data-test=time-now]")).isNotEqualTo(before);
    browser.screenshot("demo-clock");

    browser.open("/board?unit=" + HAIWANG);
    assertThat(caseState(caseId)).isEqualTo("YELLOW");
    assertThat(browser.present("[data-test=section-YELLOW] [data-case='" + caseId + "']")).isTrue();
    assertThat(ORDER.indexOf(nodeState(HAIWANG))).as("海旺社区 is at least yellow").isGreaterThanOrEqualTo(2);
    assertThat(ORDER.indexOf(nodeState(XINAN))).as("新安街道 is at least yellow").isGreaterThanOrEqualTo(2);
    browser.screenshot("yellow");

    // Day 31: the consent was never recorded; the task is past its due date: red, overdue first.
    browser.open("/dev/time");
    browser.click("[data-test=advance-P5D]");
    assertThat(browser.text("[data-test=time-advanced]")).contains("P5D");
    browser.open("/board");
    assertThat(caseState(caseId)).isEqualTo("RED");
    assertThat(browser.present("[data-test=section-RED] [data-case='" + caseId + "']")).isTrue();
    assertThat(nodeState(HAIWANG)).isEqualTo("RED");
    assertThat(nodeState(XINAN)).isEqualTo("RED");
    assertThat(Integer.parseInt(browser.text("[data-test=count-RED] strong"))).isPositive();
    List<String> sections = browser.all("[data-test^=section-]").stream().map(e -> e.getAttribute("data-test")).toList();
    assertThat(sections).containsExactly("section-RED", "section-YELLOW", "section-GREEN");
    browser.screenshot("red");

    // A sibling street's leader sees neither the case nor the community.
    browser.logout().login("xixiang-leader");
    browser.open("/board");
    assertThat(browser.present("[data-case='" + caseId + "']")).isFalse();
    assertThat(browser.text("[data-test=board-tree]")).contains("西乡街道").doesNotContain("海旺社区");
    browser.open("/board?unit=" + HAIWANG);
    assertThat(browser.text("[data-test=error-message]")).contains("未找到");
    browser.screenshot("other-unit-404");
    // Nor does a mediator: the board is for leaders.
    browser.open("/tasks").logout().login("haiwang-mediator");
    browser.open("/board");
    assertThat(browser.text("[data-test=error-message]")).contains("无权");
    browser.open("/tasks").logout();
  }

  @Test
  void aPetitionLeftAloneBringsASupervisionOrderToTheBoardAboveAndAConfidentialReportStaysOff() {
    Map<String, Object> report = PetitionIntakeApiTest.petition("report", "letter",
        "举报工作人员违规收费" + PetitionIntakeApiTest.unique(), "举报某工作人员在办事过程中违规收取费用。",
        PetitionIntakeApiTest.petitioner());
    report.put("unitCode", XINAN);
    report.put("accused", List.of("某某"));
    String confidential = api.register("xinan-petition", report);
    Map<String, Object> claim = PetitionIntakeApiTest.petition("claim", "letter",
        "反映某小区物业违规收取停车费" + PetitionIntakeApiTest.unique(), "信访人来信反映，要求依法处理。",
        PetitionIntakeApiTest.petitioner());
    claim.put("unitCode", XINAN);
    String caseId = api.register("xinan-petition", claim);
    api.awaitTask("xinan-petition", caseId, "Task_Triage");

    browser.login("qu-leader");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      browser.open("/board");
      assertThat(browser.present("[data-case='" + caseId + "']")).isTrue();
    });
    assertThat(caseState(caseId)).isEqualTo("GREEN");
    assertThat(browser.present("[data-case='" + confidential + "']")).as("a confidential report before triage").isFalse();
    assertThat(browser.driver.getPageSource()).doesNotContain(confidential);

    api.advanceClock("P16D");
    JsonNode supervise = api.awaitTask("qu-leader", caseId, "Task_Supervise");
    browser.open("/board");
    assertThat(caseState(caseId)).isEqualTo("RED");
    var order = browser.find("[data-test=supervision][data-case='" + caseId + "'] [data-test=supervision-link]");
    assertThat(order.getText()).isEqualTo("督办");
    assertThat(order.getAttribute("href")).endsWith("/tasks/" + supervise.get("id").asText());
    assertThat(nodeState(XINAN)).isEqualTo("RED");
    browser.screenshot("supervision");

    // The mail to the district leader about it is in the dev mailbox page.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      browser.open("/dev/mailbox");
      assertThat(browser.all("[data-test=mail]").stream().map(m -> m.getText()).filter(t -> t.contains(caseId)))
          .anySatisfy(t -> assertThat(t).contains("qu-leader@jiefen.local"));
    });
    assertThat(browser.text("[data-test=dev-notice]")).contains("演示工具");
    browser.screenshot("mailbox");
    browser.logout();
  }

  @Test
  void theBoardFitsAPhone() {
    try (Browser phone = new Browser(port, "board-phone", 360, 740)) {
      phone.login("qu-leader");
      phone.open("/board");
      assertThat(phone.text("h1")).isEqualTo("督办看板");
      assertThat(overflow(phone)).as("horizontal overflow at 360 px").isLessThanOrEqualTo(0L);
      phone.screenshot("board-360");
      phone.open("/dev/time");
      assertThat(overflow(phone)).isLessThanOrEqualTo(0L);
      phone.open("/board?lang=en");
      assertThat(phone.text("h1")).isEqualTo("Supervision board");
      phone.open("/board?lang=zh_CN");
    }
  }

  static long overflow(Browser b) {
    return (Long) b.driver.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
  }

  private String caseState(String caseId) {
    return browser.find("[data-test=board-case][data-case='" + caseId + "']").getAttribute("data-state");
  }

  private String nodeState(String unitCode) {
    return browser.find("[data-unit='" + unitCode + "']").getAttribute("data-state");
  }
}
