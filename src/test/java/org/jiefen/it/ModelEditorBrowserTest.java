package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The model workbench's editors in the browser, as the administrator uses them: the form editor
 * and its preview with sample data, the DMN decision table, and the BPMN modeler (a property
 * changed through the properties panel, checked against the deployed version, saved as a draft,
 * kept over a reload, discarded), with the in-browser Camunda linter blocking the deploy button.
 * Everything runs under the app's CSP; only the edit page loads the editor bundles. The helpers
 * (open an editor, select an element, edit a properties-panel field, click a panel button, wait
 * for the status) are for the acceptance tests built on top of this one.
 */
class ModelEditorBrowserTest extends BrowserIntegrationTest {

  static final String LINGZHI = "440306001002";
  static final String HAIWANG = "440306001001";

  @Override
  String screenshotPrefix() {
    return "models";
  }

  @BeforeAll
  void signIn() {
    browser.login("admin");
  }

  // --- helpers ------------------------------------------------------------------------------

  /** Opens the edit page of a model (kind bpmn, dmn or form) and waits until its editor is ready. */
  void openEditor(String kind, String id, String query) {
    browser.open("/admin/models/" + kind + "/" + id + (query == null ? "" : "?" + query));
    browser.waitFor(d -> browser.present("#wb-canvas[data-ready=true]")
        || browser.present("#workbench-panel[data-ready=failed]"));
    if (!browser.present("#wb-canvas[data-ready=true]")) {
      browser.screenshot("editor-failed");
      throw new AssertionError("the editor did not open: "
          + browser.driver.findElement(By.cssSelector("[data-test=wb-status]")).getAttribute("textContent"));
    }
  }

  void openEditor(String kind, String id) {
    openEditor(kind, id, null);
  }

  /** Selects an element by id, as clicking a finding does (the canvas scrolls to it). */
  void selectElement(String elementId) {
    Object found = browser.driver.executeScript("return window.jiefenEditor.select(arguments[0]);", elementId);
    assertThat(found).as("element " + elementId + " is in the model").isEqualTo(Boolean.TRUE);
  }

  /**
   * Types into a field of the BPMN properties panel (entry ids as the panel names them: name, id,
   * documentation, ...), opening its group first, and waits until the modeler took the edit.
   * With replace, the field's text is replaced; otherwise the text is appended.
   */
  WebElement editProperty(String entryId, String text, boolean replace) {
    String entry = "#wb-properties [data-entry-id='" + entryId + "']";
    browser.waitFor(d -> browser.present(entry));
    if (!browser.driver.findElement(By.cssSelector(entry)).isDisplayed()) {
      WebElement header = (WebElement) browser.driver.executeScript(
          "return document.querySelector(arguments[0]).closest('.bio-properties-panel-group')"
              + ".querySelector('.bio-properties-panel-group-header');", entry);
      header.click();
    }
    WebElement field = browser.find(entry + " textarea, " + entry + " input");
    String edits = panel().getAttribute("data-edits");
    field.click();
    if (replace) {
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    } else {
      field.sendKeys(Keys.END);
    }
    field.sendKeys(text);
    browser.waitFor(d -> !edits.equals(panel().getAttribute("data-edits")));
    return field;
  }

  WebElement panel() {
    return browser.driver.findElement(By.id("workbench-panel"));
  }

  /** Clicks a panel button (save, check, deploy, discard), answering its confirmation with yes. */
  void clickPanel(String action) {
    browser.click("#workbench-panel [data-action=" + action + "]");
    try {
      Alert confirm = browser.driver.switchTo().alert();
      confirm.accept();
    } catch (NoAlertPresentException none) {
      // save and check ask nothing
    }
  }

  /** Waits until the panel's status is of a kind (ok, warn, error) and returns its text. */
  String awaitStatus(String... kinds) {
    List<String> wanted = List.of(kinds);
    browser.waitFor(d -> wanted.contains(browser.find("[data-test=wb-status]").getAttribute("data-kind")));
    return browser.text("[data-test=wb-status]");
  }

  /** Scrolls the findings and changes into view (for a screenshot). */
  void showResults() {
    browser.driver.executeScript("document.getElementById('wb-results').scrollIntoView({ block: 'end' });");
  }

  String nameOf(String elementId) {
    return (String) browser.driver.executeScript(
        "return window.jiefenEditor.modeler.get('elementRegistry').get(arguments[0]).businessObject.name;", elementId);
  }

  List<String> scripts() {
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) browser.driver.executeScript(
        "return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script'"
            + " || e.name.endsWith('.js')).map(e => new URL(e.name).pathname);");
    return names;
  }

  /**
   * No script errors and no CSP refusals in the console so far (a refused request's 4xx is not
   * one). A probe written to the console first shows that the console is really read.
   */
  void assertNoPageFaults(Browser b) {
    b.driver.executeScript("console.error('jiefen-console-probe')");
    List<String> errors = b.consoleErrors();
    assertThat(errors).as("the console is read").anyMatch(m -> m.contains("jiefen-console-probe"));
    assertThat(errors).as("script errors or CSP refusals")
        .filteredOn(m -> m.contains("Content Security Policy") || m.contains("Uncaught")).isEmpty();
  }

  /**
   * Types a FEEL expression into a FEEL field of the properties panel (a CodeMirror editor), opening
   * its group and list item first, and waits until the modeler took the edit.
   */
  void editFeel(String entryId, String expression) {
    String entry = "#wb-properties [data-entry-id='" + entryId + "']";
    browser.waitFor(d -> browser.present(entry));
    browser.driver.executeScript(
        "const e = document.querySelector(arguments[0]);"
            + "const group = e.closest('.bio-properties-panel-group');"
            + "const header = group.querySelector('.bio-properties-panel-group-header');"
            + "if (!header.classList.contains('open')) header.click();", entry);
    if (!browser.driver.findElement(By.cssSelector(entry)).isDisplayed()) {
      browser.driver.executeScript(
          "document.querySelector(arguments[0]).closest('.bio-properties-panel-collapsible-entry')"
              + ".querySelector('.bio-properties-panel-collapsible-entry-header').click();", entry);
    }
    browser.waitFor(d -> browser.driver.findElement(By.cssSelector(entry)).isDisplayed());
    WebElement editor = browser.find(entry + " [contenteditable=true]");
    String edits = panel().getAttribute("data-edits");
    editor.click();
    editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    editor.sendKeys(expression);
    browser.waitFor(d -> !edits.equals(panel().getAttribute("data-edits")));
  }

  /** Whole days between a task's creation and its due date (the level deadline it was given). */
  static long dueDays(JsonNode task) {
    return java.time.Duration.between(java.time.Instant.parse(task.get("created").asText()),
        java.time.Instant.parse(task.get("due").asText())).toHours() / 24;
  }

  /** Undoes every edit, so leaving the page asks nothing. */
  void undoAll() {
    browser.driver.executeScript(
        "const cs = window.jiefenEditor.modeler.get('commandStack'); while (cs.canUndo()) cs.undo();");
  }

  // --- tests --------------------------------------------------------------------------------

  @Test
  void theFormEditorShowsTheFormAndAPreviewWithSampleData() {
    openEditor("form", "mediation-session");
    assertThat(browser.all("#wb-canvas .fjs-editor-container [data-id]")).as("form fields on the canvas").isNotEmpty();
    assertThat(browser.text("[data-test=model-version]")).startsWith("第");
    assertThat(scripts()).as("the edit page loads its editor only").contains("/assets/form-editor.js")
        .noneMatch(s -> s.endsWith("/modeler.js") || s.endsWith("/dmn-editor.js") || s.endsWith("/task-form.js"));
    browser.screenshot("form-editor");

    browser.click("[data-test=tab-preview]");
    browser.waitFor(d -> browser.present("#wb-preview-form[data-ready=true] .fjs-form"));
    browser.type("[data-test=sample]", "{\"participants\": \"预览参加人\"");
    browser.waitFor(d -> browser.find("[data-test=sample-error]").isDisplayed());
    assertThat(browser.text("[data-test=sample-error]")).startsWith("示例数据不是有效的 JSON");
    browser.type("[data-test=sample]", "{\"participants\": \"预览参加人\"}");
    browser.waitFor(d -> browser.all("[data-test=sample-error]:not([hidden])").isEmpty());
    browser.waitFor(d -> "预览参加人".equals(
        browser.find("#wb-preview-form input[id$='-Field_Participants']").getAttribute("value")));
    browser.screenshot("form-preview");
    assertNoPageFaults(browser);
  }

  @Test
  void theDecisionTableOpensInTheDmnEditor() {
    openEditor("dmn", "Definitions_MediationTriage");
    assertThat(browser.find("#wb-canvas").getAttribute("data-view")).isEqualTo("decisionTable");
    assertThat(browser.all("#wb-canvas .tjs-table tbody tr")).hasSizeGreaterThanOrEqualTo(5);
    assertThat(browser.text("#wb-canvas .tjs-table")).contains("\"VILLAGE\"", "\"COUNTY\"");
    browser.screenshot("dmn-table");
    browser.click("[data-test=dmn-views] button[data-view=drd]");
    browser.waitFor(d -> "drd".equals(browser.find("#wb-canvas").getAttribute("data-view")));
    assertThat(browser.find("[data-test=properties]").isDisplayed()).as("the DRD has its properties panel").isTrue();
    browser.screenshot("dmn-drd");
    assertNoPageFaults(browser);
  }

  @Test
  void anAdministratorEditsTheMediationModelChecksSavesReloadsAndDiscardsTheDraft() {
    openEditor("bpmn", "Mediation");
    assertThat(panel().getAttribute("data-lint-errors")).as("the shipped model lints clean").isEqualTo("0");
    assertThat(browser.find("[data-test=wb-deploy]").isEnabled()).isTrue();
    assertThat(browser.present("[data-test=wb-discard]:not([hidden])")).isFalse();
    assertThat(scripts()).contains("/assets/modeler.js")
        .noneMatch(s -> s.endsWith("/task-form.js") || s.endsWith("/form-editor.js"));
    String original = nameOf("StartEvent_CaseRegistered");
    browser.screenshot("bpmn-modeler");

    // a property changed through the properties panel, typed like a user
    selectElement("StartEvent_CaseRegistered");
    editProperty("name", "（网上）", false);
    assertThat(nameOf("StartEvent_CaseRegistered")).isEqualTo(original + "（网上）");
    assertThat(panel().getAttribute("data-dirty")).isEqualTo("true");

    // check and compare: the change is listed, against the deployed version
    clickPanel("check");
    assertThat(awaitStatus("ok", "warn", "error")).startsWith("检查完成");
    assertThat(browser.text("#wb-changes [data-change=CHANGED] li[data-element=StartEvent_CaseRegistered]"))
        .as("the renamed start event is among the changes, with its new name").contains(original + "（网上）");
    assertThat(browser.text("#wb-changes-empty")).startsWith("与第");
    browser.screenshot("bpmn-checked");
    showResults();
    browser.screenshot("bpmn-checked-panel");

    // saved as a draft, kept over a reload, discarded
    clickPanel("save");
    assertThat(awaitStatus("ok")).startsWith("草稿已保存");
    assertThat(browser.text("[data-test=model-version]")).startsWith("草稿");
    assertThat(panel().getAttribute("data-dirty")).isEqualTo("false");
    openEditor("bpmn", "Mediation");
    assertThat(nameOf("StartEvent_CaseRegistered")).isEqualTo(original + "（网上）");
    assertThat(browser.text("[data-test=wb-status]")).startsWith("正在编辑草稿");
    assertThat(browser.text("[data-test=model-version]")).startsWith("草稿");
    WebElement before = browser.find("#wb-canvas");
    clickPanel("discard");
    browser.waitFor(ExpectedConditions.stalenessOf(before)); // the page loads the deployed version
    browser.waitFor(d -> browser.present("#wb-canvas[data-ready=true]"));
    assertThat(browser.text("[data-test=model-version]")).startsWith("第");
    assertThat(nameOf("StartEvent_CaseRegistered")).isEqualTo(original);
    assertNoPageFaults(browser);
  }

  @Test
  void theLinterMarksAServiceTaskWithoutJobTypeAndBlocksTheDeploy() {
    openEditor("bpmn", "Mediation");
    // an element appended the way the palette does it: a service task with no job type
    browser.driver.executeScript(
        "const m = window.jiefenEditor.modeler;"
            + "const shape = m.get('elementFactory').createShape({ type: 'bpmn:ServiceTask' });"
            + "shape.businessObject.id = shape.id = 'Task_NoJobType';"
            + "m.get('modeling').createShape(shape, { x: 300, y: 700 }, m.get('canvas').getRootElement());");
    browser.waitFor(d -> !"0".equals(panel().getAttribute("data-lint-errors")));
    WebElement finding = browser.find("#wb-findings li.lint.error[data-element=Task_NoJobType]");
    assertThat(finding.getText()).contains("Task definition");
    assertThat(browser.find("[data-test=wb-deploy]").isEnabled()).as("lint errors block the deploy").isFalse();
    finding.findElement(By.tagName("button")).click();
    browser.waitFor(d -> Boolean.TRUE.equals(browser.driver.executeScript(
        "return window.jiefenEditor.modeler.get('selection').get().some(e => e.id === 'Task_NoJobType');")));
    browser.screenshot("bpmn-lint-error");
    showResults();
    browser.screenshot("bpmn-lint-findings");

    browser.driver.executeScript("window.jiefenEditor.modeler.get('commandStack').undo();");
    browser.waitFor(d -> "0".equals(panel().getAttribute("data-lint-errors")));
    assertThat(browser.find("[data-test=wb-deploy]").isEnabled()).isTrue();
    assertThat(panel().getAttribute("data-dirty")).as("undone back to what was loaded").isEqualTo("false");
  }

  @Test
  void onAPhoneTheEditorsScrollInsideThePage() {
    try (Browser phone = new Browser(port, "models-360", 360, 740).login("admin")) {
      for (String path : List.of("bpmn/Mediation", "dmn/Definitions_MediationTriage", "form/mediation-session")) {
        phone.open("/admin/models/" + path);
        phone.waitFor(d -> phone.present("#wb-canvas[data-ready=true]"));
        Long width = (Long) phone.driver.executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as(path + " at 360 px").isLessThanOrEqualTo(360L);
        phone.screenshot(path.substring(0, path.indexOf('/')) + "-360");
      }
      assertNoPageFaults(phone);
    }
  }

  @Test
  void theEditPageSpeaksEnglishAndTheTaskPageStillLoadsOnlyTheFormViewer() {
    openEditor("bpmn", "Mediation", "lang=en");
    assertThat(browser.text("[data-test=wb-save]")).isEqualTo("Save draft");
    assertThat(browser.text("[data-test=model-version]")).startsWith("version");
    browser.open("/admin/models/bpmn/Mediation?lang=zh_CN");

    String caseId = api.register("intake",
        AppTestSupport.wageDispute(LINGZHI, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    JsonNode task = api.awaitTask("lingzhi-mediator", caseId, "Task_RecordConsent");
    try (Browser mediator = new Browser(port, "models-task").login("lingzhi-mediator")) {
      mediator.open("/tasks/" + task.get("id").asText());
      mediator.waitFor(d -> mediator.present("#task-form[data-ready=true]"));
      @SuppressWarnings("unchecked")
      List<String> loaded = (List<String>) mediator.driver.executeScript(
          "return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script'"
              + " || e.name.endsWith('.js')).map(e => new URL(e.name).pathname);");
      assertThat(loaded).containsExactly("/assets/task-form.js");
    }
  }

  /**
   * The acceptance path: the village deadline changed in the model, compared and deployed;
   * a new case gets the new deadline while a case started before keeps the old; a model with an
   * unknown job type is refused naming the element; the rollback gives new cases the old deadline again.
   */
  @Test
  void theVillageDeadlineIsChangedDeployedAndRolledBack() {
    String before = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    JsonNode beforeTask = api.awaitTask("haiwang-mediator", before, "Task_RecordConsent");
    assertThat(dueDays(beforeTask)).as("the shipped 30 days").isBetween(29L, 30L);

    browser.open("/admin/models");
    browser.screenshot("models-list");
    browser.click("[data-model='bpmn:Mediation'] [data-test=edit-model]");
    browser.waitFor(d -> browser.present("#wb-canvas[data-ready=true]"));
    int previous = rest.withBasicAuth("admin", "demo").getForObject("/api/v1/models/bpmn/Mediation", JsonNode.class)
        .get("versions").get(0).get("version").asInt();

    selectElement("StartEvent_CaseRegistered");
    editFeel("StartEvent_CaseRegistered-output-0-source", "\"P10D\"");
    clickPanel("check");
    awaitStatus("ok", "warn");
    assertThat(browser.text("#wb-changes li[data-element=StartEvent_CaseRegistered]"))
        .as("the readable change").contains("villageDeadline").contains("P30D").contains("P10D");
    showResults();
    browser.screenshot("deadline-diff");

    clickPanel("deploy");
    assertThat(awaitStatus("ok")).contains(String.valueOf(previous + 1));
    browser.screenshot("deadline-deployed");

    String after = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    assertThat(dueDays(api.awaitTask("haiwang-mediator", after, "Task_RecordConsent")))
        .as("a new case on the new version").isBetween(9L, 10L);
    assertThat(dueDays(api.openTask("haiwang-mediator", before, "Task_RecordConsent")))
        .as("the case started before keeps its version").isBetween(29L, 30L);

    // a job type no worker serves: refused, naming the element
    openEditor("bpmn", "Mediation");
    selectElement("Task_EnterLevel");
    editProperty("taskDefinitionType", "jiefen.no-such-worker", true);
    clickPanel("deploy");
    assertThat(awaitStatus("error")).contains("1");
    WebElement refusal = browser.find("#wb-findings li.finding.error.server[data-element=Task_EnterLevel]");
    assertThat(refusal.getText()).contains("jiefen.no-such-worker");
    showResults();
    browser.screenshot("unknown-job-type-refused");
    undoAll();

    // rollback: the version before becomes the newest again
    browser.open("/admin/models");
    assertThat(Long.parseLong(browser.text(
        "[data-model='bpmn:Mediation'] tr[data-version='" + (previous + 1) + "'] [data-test=running]")))
        .as("the new case runs on the new version").isPositive();
    browser.click("[data-model='bpmn:Mediation'] tr[data-version='" + previous + "'] [data-test=rollback]");
    assertThat(browser.text("[data-test=rolled-back]")).contains(String.valueOf(previous + 2));
    browser.screenshot("rolled-back");
    String rolledBack = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    assertThat(dueDays(api.awaitTask("haiwang-mediator", rolledBack, "Task_RecordConsent")))
        .as("new cases follow the old deadline again").isBetween(29L, 30L);
  }

}
