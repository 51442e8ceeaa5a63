package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.support.ui.Select;


/**
 * The intake page: a dispute registered with every field gets a receipt with a query code; the
 * same party and matter again shows the duplicate warning; a wrong ID number is named next to its
 * field with the rest kept; a petition gets its receipt; roles that do not register get a message;
 * and the page fits a phone.
 */
class IntakeBrowserTest extends BrowserIntegrationTest {

  static final String HAIWANG = "440306001001";

  @BeforeAll
  void start() {
    browser.login("intake");
  }

  @Override
  String screenshotPrefix() {
    return "intake";
  }

  @Test
  void aDisputeGetsAReceiptAndTheSameMatterAgainWarnsOfTheDuplicate() {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    String title = "陈某与邻居漏水纠纷" + AppTestSupport.RUN;
    browser.open("/intake");
    fillDispute(title, idNumber, phone);
    // a third party row comes and goes, with what was typed kept
    browser.click("[data-test=add-party]");
    assertThat(browser.all("[data-party]", 3)).hasSize(3);
    assertThat(browser.find("[id='parties[0].idNumber']").getAttribute("value")).isEqualTo(idNumber);
    browser.click("[data-test=remove-party-2]");
    assertThat(browser.all("[data-party]", 2)).hasSize(2);
    browser.screenshot("dispute-form");
    browser.click("[data-test=intake-submit]");

    String first = browser.text("[data-test=receipt-case-id]");
    assertThat(browser.url()).isEqualTo("/intake/receipt/" + first);
    assertThat(browser.text("[data-test=receipt-query-code]")).matches("[A-Z0-9]{6,}");
    assertThat(browser.pageText()).contains("海旺社区", "调解组织将在征得双方同意后安排调解");
    assertThat(browser.present("[data-test=duplicate-warning]")).isFalse();
    assertThat(browser.driver.getPageSource()).doesNotContain(idNumber, phone);
    browser.screenshot("dispute-receipt");

    browser.open("/intake");
    fillDispute(title, idNumber, phone);
    browser.click("[data-test=intake-submit]");
    String second = browser.text("[data-test=receipt-case-id]");
    assertThat(second).isNotEqualTo(first);
    assertThat(browser.text("[data-test=duplicate-warning]")).contains("疑似重复", first);
    browser.click("[data-test=duplicate-link]");
    assertThat(browser.url()).isEqualTo("/cases/" + first);
    browser.open("/intake/receipt/" + second);
    browser.screenshot("duplicate-warning");
  }

  @Test
  void aWrongIdNumberIsShownAtItsFieldWithTheOtherValuesKept() {
    String phone = AppTestSupport.uniquePhone();
    browser.open("/intake");
    fillDispute("物业费纠纷", "110105194912310021", phone);
    browser.click("[data-test=intake-submit]");
    assertThat(browser.url()).isEqualTo("/intake");
    assertThat(browser.text("[data-test=intake-errors]")).contains("请修改");
    assertThat(browser.text("[data-error='parties[0].idNumber']")).contains("身份证号码");
    assertThat(browser.find("[id='parties[0].idNumber']").getAttribute("class")).contains("invalid");
    assertThat(browser.all(".field-error")).hasSize(1);
    assertThat(browser.find("#title").getAttribute("value")).isEqualTo("物业费纠纷");
    assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("18000.50");
    assertThat(browser.find("[id='parties[0].phone']").getAttribute("value")).isEqualTo(phone);
    assertThat(browser.find("[id='parties[1].name']").getAttribute("value")).isEqualTo("某物业管理有限公司");
    assertThat(new Select(browser.find("#unitCode")).getFirstSelectedOption().getAttribute("value")).isEqualTo(HAIWANG);
    browser.screenshot("dispute-error");
  }

  @Test
  void aPetitionClerkRegistersAPetition() {
    try (Browser clerk = new Browser(port, "intake-petition")) {
      clerk.login("qu-petition").open("/intake");
      clerk.click("[data-test=kind-petition]");
      clerk.type("#title", "反映小区停车位收费过高问题" + AppTestSupport.RUN);
      clerk.type("#description", "小区物业擅自提高停车费，业主多次反映未果。");
      new Select(clerk.find("#petitionKind")).selectByValue("claim");
      new Select(clerk.find("#channel")).selectByValue("letter");
      clerk.type("[id='parties[0].name']", "李华");
      clerk.type("[id='parties[0].idNumber']", AppTestSupport.uniqueIdNumber());
      clerk.type("[id='parties[0].phone']", AppTestSupport.uniquePhone());
      clerk.screenshot("petition-form");
      clerk.click("[data-test=intake-submit]");
      assertThat(clerk.text("[data-test=receipt-case-id]")).isNotBlank();
      assertThat(clerk.text("[data-test=receipt-query-code]")).isNotBlank();
      assertThat(clerk.pageText()).contains("信访事项", "15日内");
      clerk.screenshot("petition-receipt");
    }
  }

  @Test
  void anAdministratorIsToldTheyDoNotRegister() {
    try (Browser admin = new Browser(port, "intake-admin")) {
      admin.login("admin").open("/intake");
      assertThat(admin.text("[data-test=intake-not-allowed]")).contains("不能登记");
      assertThat(admin.present("[data-test=intake-form]")).isFalse();
    }
  }

  @Test
  void onAPhoneTheFormDoesNotScrollSideways() {
    try (Browser phoneBrowser = new Browser(port, "intake-360", 360, 740)) {
      phoneBrowser.login("intake").open("/intake");
      Long width = (Long) phoneBrowser.driver.executeScript("return document.documentElement.scrollWidth");
      assertThat(width).isLessThanOrEqualTo(360L);
      phoneBrowser.screenshot("intake-360");
    }
  }

  private void fillDispute(String title, String idNumber, String phone) {
    browser.type("#title", title);
    browser.type("#description", "楼上住户卫生间漏水导致楼下天花板受损，协商赔偿未果。");
    new Select(browser.find("#category")).selectByValue("neighbour");
    new Select(browser.find("#channel")).selectByValue("walk_in");
    new Select(browser.find("#unitCode")).selectByValue(HAIWANG);
    browser.type("#amount", "18000.50");
    browser.type("[id='parties[0].name']", "陈大文");
    new Select(browser.find("[id='parties[0].role']")).selectByValue("applicant");
    browser.type("[id='parties[0].idNumber']", idNumber);
    browser.type("[id='parties[0].phone']", phone);
    browser.type("[id='parties[0].email']", "chen.dw@example.com");
    browser.type("[id='parties[1].name']", title.startsWith("物业") ? "某物业管理有限公司" : "刘小红");
    new Select(browser.find("[id='parties[1].role']")).selectByValue("respondent");
    browser.type("[id='parties[1].email']", "liu.xh@example.com");
  }
}
