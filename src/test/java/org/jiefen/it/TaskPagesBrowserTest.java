package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;




/**
 * The task list and task page beyond the mediator's happy path: a petition clerk accepts a
 * petition, a value the server refuses is shown next to its field, a task completed elsewhere
 * meanwhile says so (in the page and in the list's row), the task page's script budget, and the
 * list on a 360 px phone. No page shows a party's full ID or phone number.
 */
class TaskPagesBrowserTest extends BrowserIntegrationTest {

  static final String DISTRICT = "440306000000";
  static final String LINGZHI = "440306001002";

  TaskUi ui;

  @BeforeAll
  void start() {
    ui = new TaskUi(browser, api);
  }

  @Override
  String screenshotPrefix() {
    return "tasks";
  }

  @Test
  void aPetitionClerkAcceptsAPetitionThroughItsForm() {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    String caseId = api.register("intake", Map.of(
        "kind", "petition", "petitionKind", "claim", "channel", "letter", "unitCode", DISTRICT,
        "title", "反映某小区电梯长期停用", "description", "信访人来信反映电梯停用三个月，要求依法处理。",
        "parties", List.of(Map.of("name", "赵信访", "role", "applicant", "idNumber", idNumber, "phone", phone))));

    browser.login("qu-petition");
    ui.claimInList("qu-petition", caseId, "Task_Triage");
    browser.open("/tasks?view=mine&process=Petition");
    assertThat(browser.present(TaskUi.row(caseId, "Task_Triage"))).isTrue();
    ui.openFromList(caseId, "Task_Triage");
    assertThat(browser.text("[data-test=task-name]")).isEqualTo("审查分办");
    ui.fill("triageDecision", "accept").fill("reason", "属于本机关职责范围，予以受理。");
    browser.screenshot("petition-triage");
    assertNoPii(idNumber, phone);
    ui.submit();

    // the case moves on: the handling task is the unit's, and the timeline shows the triage
    JsonNode handle = api.awaitTask("qu-petition", caseId, "Task_Handle");
    browser.open("/tasks?view=unit&process=Petition");
    assertThat(browser.text(TaskUi.row(caseId, "Task_Handle") + " [data-test=task-link]")).isEqualTo("办理并出具处理意见");
    browser.open("/tasks/" + handle.get("id").asText());
    assertThat(browser.text("[data-test=case-timeline]")).contains("审查分办");
    assertThat(browser.find("[data-test=claim]").isDisplayed()).as("claim before working").isTrue();
    assertThat(browser.find("#task-form[data-ready=true]").findElements(By.cssSelector("textarea:disabled, input:disabled")))
        .as("the form is read-only until claimed").isNotEmpty();
    browser.screenshot("petition-handle-unclaimed");
    assertNoPii(idNumber, phone);
    browser.logout();
  }

  @Test
  void refusedValuesAreShownNextToTheirFieldsAndAStaleTaskSaysItIsDone() {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    String caseId = api.register("intake", AppTestSupport.wageDispute(LINGZHI, idNumber, phone));
    api.work("lingzhi-mediator", caseId, "Task_RecordConsent", Map.of("consent", "all_agreed"));

    browser.login("lingzhi-mediator");
    ui.claimInList("lingzhi-mediator", caseId, "Task_ScheduleSession");
    ui.openFromList(caseId, "Task_ScheduleSession");

    // the script budget: form-js and nothing else (no htmx on this page)
    Number scripts = (Number) browser.driver.executeScript(
        "return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script' || e.name.endsWith('.js'))"
            + ".reduce((sum, e) => sum + e.decodedBodySize, 0);");
    assertThat(scripts.longValue()).as("JS bytes on the task page").isPositive().isLessThanOrEqualTo(500 * 1024);

    // the browser checks what it can: a required field left empty
    browser.click("[data-test=submit]");
    assertThat(browser.text("[data-test=form-problem]")).contains("请按提示修改");
    assertThat(ui.field("sessionPlace").findElements(By.cssSelector(".fjs-form-field-error"))).isNotEmpty();

    // the server refuses a phone number in a field that goes to the engine: shown under that field
    ui.fill(Map.of("sessionAt", "2026-12-02T14:00", "sessionPlace", "请致电13900001111预约"));
    browser.click("[data-test=submit]");
    browser.waitFor(d -> ui.field("sessionPlace").getText().contains("不能填写证件号码或电话号码"));
    assertThat(browser.text("[data-test=form-problem]")).contains("请按提示修改");
    assertThat(browser.url()).startsWith("/tasks/");
    browser.screenshot("server-field-error");

    // completed elsewhere meanwhile: the submission says so, with a way back
    ui.fill("sessionPlace", "灵芝社区调解室");
    JsonNode task = api.openTask("lingzhi-mediator", caseId, "Task_ScheduleSession");
    api.work("lingzhi-mediator", task, Map.of("sessionAt", "2026-12-02T14:00", "sessionPlace", "灵芝社区调解室"));
    browser.click("[data-test=submit]");
    browser.waitFor(d -> browser.text("[data-test=form-problem]").contains("已办结或已转交"));
    assertThat(browser.present("[data-test=back-to-list]")).isTrue();
    browser.screenshot("stale-submit");
    browser.open("/tasks/" + task.get("id").asText());
    assertThat(browser.text("[data-test=task-gone]")).contains("已办结或已转交");
    browser.screenshot("done-task-page");

    // a row whose task was completed after the list was shown: claiming it says so in the row
    api.awaitTask("lingzhi-mediator", caseId, "Task_RecordSession");
    browser.open("/tasks?view=unit");
    String row = TaskUi.row(caseId, "Task_RecordSession");
    browser.find(row);
    api.work("lingzhi-mediator", caseId, "Task_RecordSession", Map.of(
        "sessionDate", "2026-12-02", "participants", "双方当事人", "summary", "未达成一致", "sessionOutcome", "not_agreed"));
    browser.click(row + " [data-test=claim]");
    assertThat(browser.text(row + " [data-test=row-message]")).contains("已办结或已转交");
    browser.screenshot("row-gone");
    assertNoPii(idNumber, phone);
    browser.logout();
  }

  @Test
  void theTaskListFitsAPhone() {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    String caseId = api.register("intake", AppTestSupport.wageDispute(LINGZHI, idNumber, phone));
    api.awaitTask("lingzhi-mediator", caseId, "Task_RecordConsent");
    try (Browser phoneBrowser = new Browser(port, "tasks-phone", 360, 740)) {
      phoneBrowser.login("lingzhi-mediator");
      phoneBrowser.open("/tasks?view=unit");
      phoneBrowser.find(TaskUi.row(caseId, "Task_RecordConsent"));
      Number width = (Number) phoneBrowser.driver.executeScript("return document.documentElement.scrollWidth;");
      assertThat(width.intValue()).isLessThanOrEqualTo(360);
      phoneBrowser.screenshot("list-360");
      assertThat(phoneBrowser.driver.getPageSource()).doesNotContain(idNumber).doesNotContain(phone);

      // filters swap the results only (htmx) and keep the address in step
      new org.openqa.selenium.support.ui.Select(phoneBrowser.find("[data-test=filter-due]")).selectByValue("RED");
      phoneBrowser.waitFor(d -> phoneBrowser.url().contains("due=RED"));
      phoneBrowser.waitFor(d -> !phoneBrowser.present(TaskUi.row(caseId, "Task_RecordConsent")));
      assertThat(phoneBrowser.text("h1")).isEqualTo("待办任务");

      phoneBrowser.open("/tasks?view=unit");
      phoneBrowser.click(TaskUi.row(caseId, "Task_RecordConsent") + " [data-test=task-link]");
      phoneBrowser.find("#task-form[data-ready=true]");
      width = (Number) phoneBrowser.driver.executeScript("return document.documentElement.scrollWidth;");
      assertThat(width.intValue()).isLessThanOrEqualTo(360);
      phoneBrowser.screenshot("task-360");
      assertThat(phoneBrowser.driver.getPageSource()).doesNotContain(idNumber).doesNotContain(phone);
    }
  }

  private void assertNoPii(String idNumber, String phone) {
    assertThat(browser.driver.getPageSource()).doesNotContain(idNumber).doesNotContain(phone);
  }
}
