package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;





/**
 * The acceptance test, in the browser: a dispute at 海旺社区 fails three sessions there, is
 * escalated to 新安街道 and ends in an agreement, every step worked through the task list and the
 * task page (intake is through the API: that page is not this test's subject).
 */
class MediatorBrowserTest extends BrowserIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final String XINAN = "440306001000";

  TaskUi ui;

  @BeforeAll
  void start() {
    ui = new TaskUi(browser, api);
  }

  @Override
  String screenshotPrefix() {
    return "mediator";
  }

  @Test
  void aDisputeFailsThreeTimesAtTheVillageAndIsAgreedAtTheTown() {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    Map<String, Object> dispute = new LinkedHashMap<>(AppTestSupport.wageDispute(HAIWANG, idNumber, phone));
    dispute.put("title", "王某与某劳务公司拖欠工资纠纷（浏览器）");
    String caseId = api.register("intake", dispute);

    browser.login("haiwang-mediator");
    api.awaitTask("haiwang-mediator", caseId, "Task_RecordConsent");
    browser.open("/tasks?view=unit");
    String consentRow = TaskUi.row(caseId, "Task_RecordConsent");
    assertThat(browser.text(consentRow + " [data-test=task-link]")).isEqualTo("征询调解意愿");
    assertThat(browser.text(consentRow + " [data-test=case-title]")).contains("拖欠工资纠纷");
    assertThat(browser.text(consentRow + " [data-test=case-level]")).isEqualTo("村（社区）");
    assertThat(browser.find(consentRow + " [data-test=due-badge]").getAttribute("class")).startsWith("badge");
    assertThat(browser.text(consentRow + " [data-test=assignee]")).isEqualTo("未认领");
    browser.screenshot("unit-unclaimed");
    assertNoPii(idNumber, phone);

    ui.claimInList("haiwang-mediator", caseId, "Task_RecordConsent");
    browser.screenshot("claimed-in-place");
    ui.openFromList(caseId, "Task_RecordConsent");
    assertThat(browser.text("[data-test=task-name]")).isEqualTo("征询调解意愿");
    assertThat(browser.text("[data-test=case-level]")).isEqualTo("村（社区）");
    assertThat(browser.text("[data-test=case-parties]")).contains("王小明");
    assertNoPii(idNumber, phone);
    ui.fill("consent", "all_agreed");
    browser.screenshot("consent");
    ui.submit();

    for (int attempt = 1; attempt <= 3; attempt++) {
      session("haiwang-mediator", caseId, "not_agreed", attempt == 1);
    }

    // escalated: the town's mediator finds it in their unit's list
    browser.logout();
    browser.login("xinan-mediator");
    api.awaitTask("xinan-mediator", caseId, "Task_ScheduleSession", XINAN);
    browser.open("/tasks?view=unit");
    assertThat(browser.text(TaskUi.row(caseId, "Task_ScheduleSession") + " [data-test=case-level]")).isEqualTo("乡镇（街道）");
    browser.screenshot("town-unclaimed");
    ui.claimInList("xinan-mediator", caseId, "Task_ScheduleSession");
    ui.openFromList(caseId, "Task_ScheduleSession");
    assertThat(browser.text("[data-test=case-level]")).isEqualTo("乡镇（街道）");
    assertThat(browser.text("[data-test=case-timeline]")).contains("升级调解");
    browser.screenshot("town-task-page");
    ui.fill(Map.of("sessionAt", "2026-12-08T10:00", "sessionPlace", "新安街道人民调解委员会"));
    ui.submit();
    ui.work("xinan-mediator", caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-08", "participants", "双方当事人及调解员", "summary", "双方同意分期支付",
        "sessionOutcome", "agreed"), "town-session-agreed");
    ui.work("xinan-mediator", caseId, "Task_RecordAgreement", Map.of(
        "facts", "被申请人拖欠申请人三个月工资共计一万八千元。",
        "terms", "被申请人于2026年12月31日前一次性支付工资一万八千元。",
        "performanceMethod", "银行转账",
        "performBy", "2026-12-31"), "agreement");

    JsonNode file = await().atMost(Duration.ofSeconds(20))
        .until(() -> api.caseFile(caseId), f -> f.path("agreement").hasNonNull("terms"));
    assertThat(file.get("agreement").get("terms").asText()).contains("一万八千元");
    assertThat(file.get("level").asText()).isEqualTo("TOWN");
    JsonNode signatures = api.awaitTask("xinan-mediator", caseId, "Task_RecordSignatures");
    browser.open("/tasks/" + signatures.get("id").asText());
    assertThat(browser.text("[data-test=case-timeline]")).contains("制作调解协议");
    browser.screenshot("signatures-task");
    assertNoPii(idNumber, phone);
    browser.logout();
  }

  /** 安排调解 then 记录调解 with this outcome, through the pages. */
  private void session(String mediator, String caseId, String outcome, boolean screenshots) {
    ui.work(mediator, caseId, "Task_ScheduleSession",
        Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "海旺社区调解室"), screenshots ? "schedule" : "schedule-again");
    ui.work(mediator, caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-01", "participants", "双方当事人", "summary", "双方就工资数额各执一词",
        "sessionOutcome", outcome), screenshots ? "session" : "session-again");
  }

  private void assertNoPii(String idNumber, String phone) {
    String page = browser.driver.getPageSource();
    assertThat(page).doesNotContain(idNumber).doesNotContain(phone);
    assertThat(List.of(page)).noneMatch(p -> p.contains(idNumber.substring(6, 14)));
  }
}
