package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.http.HttpMethod;

/**
 * The administrator's texts in the browser: a mail template edited, previewed with sample data and
 * saved (and a bad pattern shown at its field), a document clause edited and its document downloaded
 * as a PDF (read back and rendered to target/screenshots), a retention period changed and a bad one
 * refused; the pages at 360 px.
 */
class TemplatesBrowserTest extends BrowserIntegrationTest {

  static final String TEMPLATE = "follow-up-due";
  static final String CLAUSE = "termination-remedies";
  static final String ROW = "petition.legal_channel";

  @Override
  String screenshotPrefix() {
    return "texts";
  }

  @BeforeAll
  void signIn() {
    browser.login("admin");
  }

  @AfterAll
  void restoreDefaults() {
    // shared app: leave the shipped wording and the configured periods behind, whatever happened
    var admin = rest.withBasicAuth("admin", "demo");
    admin.exchange("/api/v1/templates/mail/" + TEMPLATE + "/zh_CN", HttpMethod.DELETE, null, String.class);
    admin.exchange("/api/v1/templates/documents/" + CLAUSE, HttpMethod.DELETE, null, String.class);
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    admin.exchange("/api/v1/retention", HttpMethod.PUT,
        new org.springframework.http.HttpEntity<>("{\"" + ROW + "\": \"\"}", headers), String.class);
  }

  @Test
  void anAdministratorEditsAMailTemplateWithAPreviewAndSeesABadPatternAtItsField() {
    browser.open("/admin");
    browser.click("[data-test=area-templates]");
    assertThat(browser.text("h1")).isEqualTo("文书与通知模板");
    assertThat(browser.all("[data-test=mail-templates] tbody tr")).hasSizeGreaterThanOrEqualTo(32);
    browser.screenshot("mail-templates");

    browser.click("[data-template=" + TEMPLATE + "] [data-test=template-link]");
    assertThat(browser.text("h1")).contains("回访提醒");
    assertThat(browser.text("[data-test=arguments]")).contains("{0}", "案件编号", "{2}", "案件名称");
    assertThat(browser.text("[data-test=preview-subject]")).isEqualTo("【解纷】案件 MD-20260105-7K3QX 回访提醒");

    browser.type("#subject", "【解纷】回访提醒：{4}案件 {0}");
    browser.type("#text", "{1}：\n\n请于本周内回访案件 {0}（{2}）的当事人，并记录协议履行情况。");
    browser.click("[data-test=preview]");
    assertThat(browser.text("[data-test=preview-subject]")).isEqualTo("【解纷】回访提醒：新安街道案件 MD-20260105-7K3QX");
    assertThat(browser.text("[data-test=preview-text]"))
        .startsWith("王某某：")
        .contains("请于本周内回访案件 MD-20260105-7K3QX（王某与某公司拖欠工资纠纷）的当事人", "解纷案件管理系统");
    browser.screenshot("mail-preview");

    // a bad pattern: shown at the field, with what was typed, nothing saved
    browser.type("#subject", "【解纷】回访提醒 {0");
    browser.type("#text", "法院：{10}");
    browser.click("[data-test=save]");
    assertThat(browser.text("[data-error=subject]")).contains("大括号不成对");
    assertThat(browser.text("[data-error=text]")).contains("此模板没有参数 {10}");
    assertThat(browser.find("#subject").getAttribute("value")).isEqualTo("【解纷】回访提醒 {0");
    assertThat(browser.present("[data-test=mail-preview]")).isFalse();
    browser.screenshot("mail-bad-pattern");

    browser.type("#subject", "【解纷】回访提醒：{4}案件 {0}");
    browser.type("#text", "{1}：\n\n请于本周内回访案件 {0}（{2}）的当事人。");
    browser.click("[data-test=save]");
    assertThat(browser.text("[data-test=flash]")).contains("已保存");
    assertThat(browser.text("[data-test=mail-status]")).startsWith("已修改：admin");
    assertThat(browser.find("#subject").getAttribute("value")).isEqualTo("【解纷】回访提醒：{4}案件 {0}");
    browser.open("/admin/templates");
    assertThat(browser.find("[data-template=" + TEMPLATE + "] [data-status=zh_CN-overridden]").getText()).contains("已修改");
    assertThat(browser.find("[data-template=" + TEMPLATE + "] [data-status=en-default]").getText()).contains("默认");

    browser.open("/admin/templates/mail/" + TEMPLATE + "?language=zh_CN");
    browser.click("[data-test=restore]");
    assertThat(browser.text("[data-test=flash]")).contains("已恢复默认");
    assertThat(browser.find("#subject").getAttribute("value")).isEqualTo("【解纷】案件 {0} 回访提醒");
  }

  @Test
  void anAdministratorEditsADocumentClauseAndDownloadsItsPdf() throws Exception {
    browser.open("/admin/templates?tab=documents");
    assertThat(browser.all("[data-test=document-clauses] tbody tr")).hasSize(3);
    browser.screenshot("document-clauses");
    browser.click("[data-clause=" + CLAUSE + "] [data-test=clause-link]");
    assertThat(browser.text("h1")).isEqualTo("终止调解告知书：其他救济途径");

    // empty: refused at the field
    browser.find("#text").clear();
    browser.click("[data-test=save]");
    assertThat(browser.text("[data-error=text]")).contains("不能为空");

    String clause = "你们可以依法通过下列途径维护自己的权利：\n（一）向宝安区劳动人事争议仲裁委员会申请仲裁（电话0755-12345678）；\n"
        + "（二）请求有关行政机关依法处理；\n（三）向人民法院提起诉讼；\n（四）拨打12348法律服务热线咨询。";
    browser.type("#text", clause);

    // the preview of what is typed, before saving: the form's own button posts it
    HttpResponse<byte[]> draft = post("/admin/templates/documents/" + CLAUSE + "/preview", "text=" + enc(clause));
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(squeeze(text(draft.body()))).contains("（四）拨打12348法律服务热线咨询。", "终止调解告知书");

    browser.click("[data-test=save]");
    assertThat(browser.text("[data-test=flash]")).contains("已保存");
    browser.screenshot("clause-saved");

    String href = browser.find("[data-test=download-pdf]").getAttribute("href");
    HttpResponse<byte[]> pdf = browser.download(href);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    String text = squeeze(text(pdf.body()));
    assertThat(text).contains("终止调解告知书", "宝安区劳动人事争议仲裁委员会申请仲裁", "（四）拨打12348法律服务热线咨询。",
        "MD-20260105-SAMPLE", "第1页共1页").doesNotContain("请求有关行政机关依法处理；（三）向人民法院提起诉讼。特此");
    keep(pdf.body(), "clause-preview");

    browser.click("[data-test=restore]");
    assertThat(browser.text("[data-test=flash]")).contains("已恢复默认");
    assertThat(squeeze(text(browser.download(href).body()))).doesNotContain("12348").contains("（三）向人民法院提起诉讼。");
  }

  @Test
  void anAdministratorChangesARetentionPeriodAndABadOneIsShownAtItsRow() {
    browser.open("/admin/retention");
    assertThat(browser.text("h1")).isEqualTo("档案保管期限");
    assertThat(browser.find("[name='petition.closed_final']").getAttribute("value")).isEqualTo("PERMANENT");
    browser.screenshot("retention");

    browser.type("[name='" + ROW + "']", "ten years");
    browser.type("[name='mediation.agreed']", "P20Y");
    browser.click("[data-test=save]");
    assertThat(browser.text("[data-error='" + ROW + "']")).contains("P10Y");
    assertThat(browser.find("[name='" + ROW + "']").getAttribute("value")).isEqualTo("ten years");
    browser.screenshot("retention-bad-period");

    browser.type("[name='" + ROW + "']", "P12Y");
    browser.type("[name='mediation.agreed']", "P30Y");
    browser.click("[data-test=save]");
    assertThat(browser.text("[data-test=flash]")).contains("已保存");
    assertThat(browser.text("[data-row='" + ROW + "']")).contains("12 年", "已修改");
    assertThat(browser.text("[data-row='mediation.agreed']")).doesNotContain("已修改");
    browser.click("[data-test='restore-" + ROW + "']");
    assertThat(browser.find("[name='" + ROW + "']").getAttribute("value")).isEqualTo("P10Y");
    assertThat(browser.text("[data-row='" + ROW + "']")).doesNotContain("已修改");
  }

  @Test
  void thePagesFitAPhoneAndSpeakEnglish() {
    try (Browser phone = new Browser(port, "texts-phone", 360, 740)) {
      phone.login("admin");
      for (String path : new String[] {"/admin/templates", "/admin/templates/mail/case-accepted?language=en",
          "/admin/templates/documents/" + CLAUSE, "/admin/retention"}) {
        phone.open(path);
        assertThat(BoardBrowserTest.overflow(phone)).as("horizontal overflow at 360 px on " + path).isLessThanOrEqualTo(0L);
        phone.screenshot(path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + "-360");
      }
      phone.open("/admin/templates/mail/case-accepted?language=en&lang=en");
      assertThat(phone.text("[data-test=preview-subject]")).contains("[Jiefen]", "MD-20260105-7K3QX");
      assertThat(phone.text("[data-test=arguments]")).contains("query code");
      // apostrophes read as apostrophes in the form; MessageFormat's doubled quotes stay behind the page
      assertThat(phone.find("#text").getAttribute("value")).contains("The people's mediation organisation of {4}")
          .doesNotContain("''");
      assertThat(phone.text("[data-test=preview-text]")).contains("The people's mediation organisation of Xin'an Street");
      phone.screenshot("mail-en-360");
      phone.open("/admin/retention?lang=zh_CN");
    }
    // not for anyone else
    try (Browser clerk = new Browser(port, "texts-clerk")) {
      clerk.login("intake").open("/admin/templates");
      assertThat(clerk.driver.findElements(By.cssSelector("[data-test=mail-templates]"))).isEmpty();
    }
  }

  /** Posts a form with the browser's session and the page's CSRF token, as the page's own button does. */
  private HttpResponse<byte[]> post(String path, String form) throws IOException, InterruptedException {
    String token = browser.driver.findElement(By.cssSelector("meta[name=_csrf]")).getAttribute("content");
    String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Cookie", "JSESSIONID=" + session)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(token)))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static String squeeze(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }

  /** The PDF and a picture of its first page under target/screenshots, to look at. */
  private static void keep(byte[] pdf, String name) throws IOException {
    Path dir = Browser.SCREENSHOTS;
    Files.createDirectories(dir);
    Files.write(dir.resolve("texts-" + name + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 100), "png",
          dir.resolve("texts-" + name + ".png").toFile());
    }
  }
}
