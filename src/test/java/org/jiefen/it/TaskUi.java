package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The task list and task page as a user works them in the browser (claim in place, fill the form-js form, submit). */
final class TaskUi {

  private final Browser browser;
  private final ApiDriver api;

  TaskUi(Browser browser, ApiDriver api) {
    this.browser = browser;
    this.api = api;
  }

  static String row(String caseId, String elementId) {
    return "tr[data-case='" + caseId + "'][data-element='" + elementId + "']";
  }

  /** Opens the unit's unclaimed tasks once the task is in the list, and claims it in place (htmx). */
  void claimInList(String user, String caseId, String elementId) {
    api.awaitTask(user, caseId, elementId);
    browser.open("/tasks?view=unit");
    String row = row(caseId, elementId);
    browser.find(row);
    browser.click(row + " [data-test=claim]");
    browser.waitFor(d -> browser.present(row + " [data-test=work]"));
    assertThat(browser.text(row + " [data-test=assignee]")).isIn("本人", "Me");
  }

  /** Opens the claimed task from the list's row and waits for the form to render. */
  void openFromList(String caseId, String elementId) {
    browser.click(row(caseId, elementId) + " [data-test=work]");
    awaitForm();
  }

  void awaitForm() {
    browser.find("#task-form[data-ready=true]");
  }

  /** The form-js field container of the form field with this key. */
  WebElement field(String key) {
    return (WebElement) browser.driver.executeScript(
        "const f = window.jiefenForm.get('formFieldRegistry').getAll().find(x => x.key === arguments[0]);"
            + "const el = f && document.querySelector('[id$=\"-' + f.id + '\"], [id*=\"-' + f.id + '-\"]');"
            + "return el && el.closest('.fjs-form-field');",
        key);
  }

  /** Fills a field as a user does: types text, picks a radio option by its value, types a date (and time). */
  TaskUi fill(String key, String value) {
    WebElement field = field(key);
    assertThat(field).as("field " + key).isNotNull();
    String type = (String) browser.driver.executeScript(
        "return window.jiefenForm.get('formFieldRegistry').getAll().find(x => x.key === arguments[0]).type;", key);
    switch (type) {
      case "radio" -> {
        @SuppressWarnings("unchecked")
        List<String> values = (List<String>) browser.driver.executeScript(
            "return window.jiefenForm.get('formFieldRegistry').getAll().find(x => x.key === arguments[0])"
                + ".values.map(v => v.value);", key);
        field.findElements(By.cssSelector("input[type=radio]")).get(values.indexOf(value)).click();
      }
      case "datetime" -> {
        List<WebElement> inputs = field.findElements(By.cssSelector("input.fjs-input"));
        String[] parts = value.split("T");
        WebElement date = inputs.get(0);
        String format = date.getAttribute("placeholder"); // the browser locale's, e.g. yyyy/mm/dd
        String[] ymd = parts[0].split("-");
        date.click();
        date.sendKeys(format.replace("yyyy", ymd[0]).replace("mm", ymd[1]).replace("dd", ymd[2]));
        date.sendKeys(Keys.ENTER);
        date.sendKeys(Keys.TAB);
        if (parts.length > 1) {
          WebElement time = inputs.get(1); // focused by the tab; a click would hit its open dropdown
          time.sendKeys(parts[1]);
          time.sendKeys(Keys.TAB);
        }
      }
      default -> {
        WebElement input = field.findElement(By.cssSelector("input, textarea"));
        input.clear();
        input.sendKeys(value);
      }
    }
    return this;
  }

  /**
   * Fills the fields in the form's own order, as a person would: the order of a {@code Map.of}
   * varies, and an Enter in a date field submits what is filled so far.
   */
  TaskUi fill(Map<String, String> values) {
    @SuppressWarnings("unchecked")
    List<String> order = (List<String>) browser.driver.executeScript(
        "return window.jiefenForm.get('formFieldRegistry').getAll().map(x => x.key).filter(k => k);");
    values.keySet().stream()
        .sorted(java.util.Comparator.comparingInt(k -> order.indexOf(k) < 0 ? Integer.MAX_VALUE : order.indexOf(k)))
        .forEach(k -> fill(k, values.get(k)));
    return this;
  }

  /** Submits and waits for the task list with its "submitted" message. */
  void submit() {
    browser.click("[data-test=submit]");
    browser.waitFor(d -> browser.url().startsWith("/tasks?submitted"));
    assertThat(browser.text("[data-test=flash]")).isIn("已提交。", "Submitted.");
  }

  /** The claim, open, fill and submit of one task, through the pages. */
  void work(String user, String caseId, String elementId, Map<String, String> values, String screenshot) {
    claimInList(user, caseId, elementId);
    openFromList(caseId, elementId);
    fill(values);
    browser.screenshot(screenshot);
    submit();
  }
}
