package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;



import org.junit.jupiter.api.Test;



/** Signing in and out of the web interface, the header, the language switch, and a wrong password. */
class LoginBrowserTest extends BrowserIntegrationTest {


  @Override
  String screenshotPrefix() {
    return "login";
  }

  @Test
  void aMediatorSignsInSeesWhoTheyAreSwitchesToEnglishAndSignsOut() {
    browser.open("/tasks");
    assertThat(browser.url()).startsWith("/login");
    assertThat(browser.text("h1")).isEqualTo("登录");
    browser.screenshot("login-page");

    browser.login("haiwang-mediator");
    assertThat(browser.url()).startsWith("/tasks");
    assertThat(browser.text("[data-test=user-unit]")).isEqualTo("海旺社区");
    assertThat(browser.text(".who-roles")).contains("调解员");
    browser.screenshot("header-zh");

    browser.open("/tasks?lang=en");
    assertThat(browser.text(".who-roles")).contains("Mediator");
    assertThat(browser.text("h1")).isEqualTo("Tasks");
    browser.open("/tasks?lang=zh_CN");
    assertThat(browser.text("h1")).isEqualTo("待办任务");

    browser.logout();
    assertThat(browser.text(".notice")).contains("已安全退出");
    browser.open("/tasks");
    assertThat(browser.url()).startsWith("/login");
  }

  @Test
  void aWrongPasswordIsRefusedOnTheLoginPage() {
    browser.open("/login");
    browser.type("#username", "lingzhi-mediator").type("#password", "wrong");
    browser.click("[data-test=login-submit]");
    assertThat(browser.text("[data-test=login-error]")).contains("用户名或密码不正确");
    assertThat(browser.url()).isEqualTo("/login?error");
    browser.screenshot("login-error");
  }
}
