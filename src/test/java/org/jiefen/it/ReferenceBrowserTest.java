package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpStatus;

/**
 * The reference pages of the workbench as the administrator uses them: a village created below a
 * town (after a duplicate code and a level that does not fit are refused at their fields) and
 * renamed; a role given to a user and their password reset; an administrator who tries to drop
 * their own administrator role; a calendar year uploaded with bad lines (nothing stored), then a
 * good one (listed, shown, downloadable). A mediator is refused every page. Each page also at
 * 360 px wide, without sideways scrolling.
 */
class ReferenceBrowserTest extends BrowserIntegrationTest {

  static final String XIXIANG = "440306002000";
  static final String VILLAGE = "440306002091";
  static final String CLERK = "ref-clerk";
  static final int YEAR = 2028;

  Path dir;

  @Override
  String screenshotPrefix() {
    return "reference";
  }

  @BeforeAll
  void start() throws Exception {
    dir = Files.createDirectories(Path.of("target", "reference-upload").toAbsolutePath());
    assertThat(rest.withBasicAuth("admin", "demo").postForEntity("/api/v1/users", Map.of(
        "username", CLERK, "displayName", "西乡街道 测试登记员", "unitCode", XIXIANG, "roles", List.of("INTAKE_CLERK"),
        "email", "ref-clerk@jiefen.local", "password", "first-password"), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    browser.login("admin");
  }

  @Test
  void theAdministratorAddsAVillageBelowATown() {
    browser.open("/admin");
    browser.click("[data-test=area-units]");
    assertThat(browser.text("h1")).isEqualTo("组织机构");
    assertThat(browser.text("[data-unit='440306000000'] > .ref-node")).contains("宝安区", "440306000000");
    assertThat(browser.text("[data-unit='440306000000'] [data-unit='440306900001']")).contains("职能部门");
    browser.screenshot("units");

    browser.click("[data-test='add-below-" + XIXIANG + "']");
    assertThat(new Select(browser.find("#parentCode")).getFirstSelectedOption().getAttribute("value")).isEqualTo(XIXIANG);
    assertThat(new Select(browser.find("#level")).getFirstSelectedOption().getAttribute("value")).isEqualTo("VILLAGE");
    // a code another unit has: refused at the code, what was typed kept
    browser.type("#code", "440306001001").type("#name", "测试社区").type("#levelName", "社区");
    browser.click("[data-test=unit-submit]");
    assertThat(browser.text("[data-error=code]")).isEqualTo("该代码已被其他单位使用。");
    assertThat(browser.find("#name").getAttribute("value")).isEqualTo("测试社区");
    assertThat(browser.present("[data-test=form-errors]")).isTrue();
    browser.screenshot("unit-code-taken");
    // a town below a town: refused at the level
    browser.type("#code", VILLAGE);
    new Select(browser.find("#level")).selectByValue("TOWN");
    browser.click("[data-test=unit-submit]");
    assertThat(browser.text("[data-error=level]")).isEqualTo("层级须低于上级单位的层级。");
    assertThat(browser.present("[data-error=code]")).isFalse();
    assertThat(api.get("admin", "/api/v1/units/" + VILLAGE).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    new Select(browser.find("#level")).selectByValue("VILLAGE");
    browser.click("[data-test=unit-submit]");
    assertThat(browser.url()).startsWith("/admin/units");
    assertThat(browser.text("[data-test=unit-saved]")).contains("已新建单位", "测试社区", VILLAGE);
    assertThat(browser.text("[data-unit='" + XIXIANG + "'] [data-unit='" + VILLAGE + "']")).contains("测试社区", "社区");
    browser.screenshot("unit-created");
    JsonNode saved = api.get("admin", "/api/v1/units/" + VILLAGE).getBody();
    assertThat(saved.get("parentCode").asText()).isEqualTo(XIXIANG);
    assertThat(saved.get("path").toString()).contains("440306000000", XIXIANG, VILLAGE);

    // renaming: the place in the tree is shown, not editable
    browser.click("[data-unit='" + VILLAGE + "'] .ref-name");
    assertThat(browser.text("[data-test=unit-place]")).contains(VILLAGE, "西乡街道");
    assertThat(browser.present("#parentCode")).isFalse();
    browser.type("#name", "测试社区（新名）");
    browser.click("[data-test=unit-submit]");
    assertThat(browser.text("[data-test=unit-saved]")).contains("已保存单位", "测试社区（新名）");
    assertThat(api.get("admin", "/api/v1/units/" + VILLAGE).getBody().get("name").asText()).isEqualTo("测试社区（新名）");
    awaitAudit("UNIT_SAVED", VILLAGE);
  }

  @Test
  void theAdministratorGivesARoleAndResetsAPassword() {
    browser.open("/admin/users?role=MEDIATOR");
    assertThat(browser.present("[data-user='" + CLERK + "']")).isFalse();
    assertThat(browser.text("[data-test=user-list]")).contains("haiwang-mediator");
    browser.open("/admin/users?unit=" + XIXIANG);
    assertThat(browser.text("[data-user='" + CLERK + "']")).contains("西乡街道 测试登记员", "西乡街道", "登记员");
    assertThat(browser.present("[data-user='haiwang-mediator']")).as("新安街道, not below 西乡街道").isFalse();
    browser.screenshot("users-by-unit");

    browser.click("[data-user='" + CLERK + "'] a");
    assertThat(browser.find("#password").getAttribute("value")).isEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain("{bcrypt}").doesNotContain("first-password");
    browser.click("[data-role=MEDIATOR]");
    browser.type("#password", "second-password").type("#passwordRepeat", "not-the-same");
    browser.click("[data-test=user-submit]");
    assertThat(browser.text("[data-error=passwordRepeat]")).isEqualTo("两次输入的密码不一致。");
    assertThat(browser.find("[data-role=MEDIATOR]").isSelected()).as("kept").isTrue();
    assertThat(browser.find("#password").getAttribute("value")).as("never sent back").isEmpty();
    browser.screenshot("user-password-mismatch");
    browser.type("#password", "second-password").type("#passwordRepeat", "second-password");
    browser.click("[data-test=user-submit]");
    assertThat(browser.text("[data-test=user-saved]")).contains(CLERK);
    assertThat(browser.text("[data-user='" + CLERK + "']")).contains("登记员", "调解员");
    browser.screenshot("user-saved");

    browser.open("/admin/users?role=MEDIATOR&unit=" + XIXIANG);
    assertThat(browser.present("[data-user='" + CLERK + "']")).isTrue();
    assertThat(rest.withBasicAuth(CLERK, "second-password").getForEntity("/api/v1/units", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth(CLERK, "first-password").getForEntity("/api/v1/units", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    awaitAudit("USER_SAVED", CLERK);
  }

  @Test
  void anAdministratorCannotDropTheirOwnAdministratorRole() {
    browser.open("/admin/users/admin/edit");
    assertThat(browser.text("[data-test=self-hint]")).contains("不能取消自己的系统管理员角色");
    browser.click("[data-role=ADMIN]");
    browser.click("[data-role=SUPERVISOR]");
    browser.click("[data-test=user-submit]");
    assertThat(browser.text("[data-error=roles]")).contains("您不能取消自己的系统管理员角色");
    assertThat(browser.find("[data-role=SUPERVISOR]").isSelected()).isTrue();
    browser.screenshot("own-admin-refused");
    assertThat(api.get("admin", "/api/v1/users/admin").getBody().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
  }

  @Test
  void aYearWithBadLinesIsRefusedWholeThenAGoodOneIsLoaded() throws Exception {
    browser.open("/admin/calendar");
    JsonNode overview = api.get("admin", "/api/v1/calendar").getBody();
    List<Integer> missing = StreamSupport.stream(overview.get("missing").spliterator(), false).map(JsonNode::asInt).toList();
    // which years count as missing depends on the shared clock, which other tests move on
    assertThat(missing).isNotEmpty();
    assertThat(browser.text("[data-test=calendar-missing]")).contains(missing.get(missing.size() - 1) + " 年", "仅按周末推算");
    assertThat(browser.text("[data-year='2026']")).contains("国办发明电〔2025〕7号", "系统内置");
    browser.screenshot("calendar");

    String bad = """
        date,kind,name
        2028-09-30,workday,国庆节
        2028/10/01,holiday,国庆节
        2028-10-02,holiday,国庆节
        2028-10-03,day-off,国庆节
        2028-10-02,holiday,国庆节
        2027-12-31,holiday,元旦
        """;
    upload(YEAR, "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
    List<String> lines = browser.all("[data-test=line-errors] li").stream().map(e -> e.getText()).toList();
    assertThat(lines).containsExactly(
        "第 3 行：日期格式应为 yyyy-MM-dd。",
        "第 5 行：安排应为 holiday（放假）或 workday（调休上班）。",
        "第 6 行：日期 2028-10-02 已在第 4 行列出。",
        "第 7 行：日期 2027-12-31 不在 2028 年内。");
    assertThat(browser.find("#year").getAttribute("value")).isEqualTo("2028");
    browser.screenshot("calendar-bad-lines");
    assertThat(api.get("admin", "/api/v1/calendar/" + YEAR).getStatusCode()).as("nothing stored").isEqualTo(HttpStatus.NOT_FOUND);

    upload(YEAR, "big.csv", ("2028-10-01,holiday,国庆节\n".repeat(12_000)).getBytes(StandardCharsets.UTF_8));
    assertThat(browser.text("[data-error=body]")).startsWith("文件过大");
    upload(YEAR, "picture.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    assertThat(browser.text("[data-error=body]")).contains("不是 UTF-8 编码的纯文本");
    upload(1999, "good.csv", good().getBytes(StandardCharsets.UTF_8));
    assertThat(browser.text("[data-error=year]")).isEqualTo("年份应在 2000 至 2100 之间。");
    assertThat(api.get("admin", "/api/v1/calendar/" + YEAR).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    upload(YEAR, "good.csv", good().getBytes(StandardCharsets.UTF_8));
    assertThat(browser.url()).startsWith("/admin/calendar/" + YEAR);
    assertThat(browser.text("[data-test=calendar-uploaded]")).isEqualTo("已载入 2028 年安排：放假 7 天，调休上班 2 天。");
    assertThat(browser.text("[data-test=calendar-spans]")).contains("2028-10-01 至 2028-10-07（7 天）", "国庆节", "调休上班");
    assertThat(browser.find("[data-date='2028-10-02']").getAttribute("class")).contains("holiday");
    assertThat(browser.find("[data-date='2028-10-08']").getAttribute("class")).contains("workday");
    assertThat(browser.find("[data-date='2028-10-14']").getAttribute("class")).contains("weekend");
    browser.screenshot("calendar-year");

    HttpResponse<byte[]> csv = browser.download(browser.find("[data-test=download]").getAttribute("href"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("date,kind,name\n2028-09-30,workday,国庆节\n2028-10-01,holiday,国庆节\n");

    browser.open("/admin/calendar");
    assertThat(browser.text("[data-year='" + YEAR + "']")).contains("2028", "7", "2", "管理员上传", "admin");
    JsonNode stored = api.get("admin", "/api/v1/calendar/" + YEAR).getBody();
    assertThat(stored.get("updatedBy").asText()).isEqualTo("admin");
    assertThat(stored.get("notice").asText()).isEqualTo("测试通知");
    awaitAudit("CALENDAR_SAVED", Integer.toString(YEAR));
  }

  @Test
  void aMediatorIsRefusedTheWorkbench() throws Exception {
    try (Browser mediator = new Browser(port, "reference-mediator")) {
      mediator.login("haiwang-mediator");
      assertThat(mediator.present("[data-test=nav-admin]")).isFalse();
      for (String path : List.of("/admin/units", "/admin/units/440306001001", "/admin/users", "/admin/users/admin/edit",
          "/admin/calendar", "/admin/calendar/2026")) {
        mediator.open(path);
        assertThat(mediator.text("main")).as(path).contains("您无权执行此操作");
        assertThat(mediator.pageText()).as(path).doesNotContain("440306000000").doesNotContain("国办发明电");
        assertThat(mediator.download("http://127.0.0.1:" + port + path).statusCode()).as(path).isEqualTo(403);
      }
      mediator.screenshot("mediator-refused");
      assertThat(mediator.download("http://127.0.0.1:" + port + "/admin/calendar/2026/csv").statusCode()).isEqualTo(403);
    }
  }

  @Test
  void everyPageFitsAPhone() {
    try (Browser phone = new Browser(port, "reference-phone", 360, 780)) {
      phone.login("admin");
      for (String path : List.of("/admin/units", "/admin/units/new?parent=" + XIXIANG, "/admin/units/440306001001",
          "/admin/users", "/admin/users/haiwang-mediator/edit", "/admin/calendar", "/admin/calendar/2026")) {
        phone.open(path);
        phone.find("h1");
        Number width = (Number) phone.driver.executeScript("return document.documentElement.scrollWidth;");
        assertThat(width.intValue()).as(path).isLessThanOrEqualTo(360);
        phone.screenshot(path.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", ""));
      }
      phone.open("/admin/units/new?parent=" + XIXIANG);
      phone.click("[data-test=unit-submit]");
      assertThat(phone.text("[data-error=code]")).isEqualTo("请填写单位代码。");
      Number width = (Number) phone.driver.executeScript("return document.documentElement.scrollWidth;");
      assertThat(width.intValue()).isLessThanOrEqualTo(360);
      phone.screenshot("unit-errors-360");
      phone.open("/admin/units?lang=en");
      assertThat(phone.text("h1")).isEqualTo("Units");
      phone.screenshot("units-en-360");
      phone.open("/admin/calendar?lang=zh_CN");
    }
  }

  private void upload(int year, String name, byte[] content) throws Exception {
    Path file = Files.write(dir.resolve(name), content);
    browser.open("/admin/calendar");
    browser.type("#year", Integer.toString(year)).type("#notice", "测试通知");
    browser.find("#file").sendKeys(file.toString());
    browser.click("[data-test=upload-submit]");
    browser.waitFor(d -> browser.present("[data-test=upload-errors]") || browser.present("[data-test=calendar-uploaded]"));
  }

  /** A made-up 2028 National Day: Sunday 10-01 to Saturday 10-07 off, Saturday 09-30 and Sunday 10-08 worked. */
  private static String good() {
    StringBuilder csv = new StringBuilder("date,kind,name\n2028-09-30,workday,国庆节\n");
    for (int day = 1; day <= 7; day++) {
      csv.append("2028-10-0").append(day).append(",holiday,国庆节\n");
    }
    return csv.append("2028-10-08,workday,国庆节\n").toString();
  }

  private void awaitAudit(String action, String target) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            api.get("admin", "/api/v1/audit?action=" + action).getBody())
        .anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo(target)));
  }
}
