package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;





/**
 * Evidence on the case page: a mediator's HTML file named .png and an over-size picture are
 * refused at the file field; a PNG is uploaded, listed and downloaded back as it was; a reader
 * whose role does not work cases sees the list without the form.
 */
class EvidenceBrowserTest extends BrowserIntegrationTest {

  static final String HAIWANG = "440306001001";

  String caseId;
  Path dir;

  @BeforeAll
  void start() throws Exception {
    caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    dir = Files.createDirectories(Path.of("target", "evidence-upload").toAbsolutePath());
    browser.login("haiwang-mediator");
  }

  @Override
  String screenshotPrefix() {
    return "evidence";
  }

  @Test
  void aMediatorAttachesAPhotoAndDownloadsIt() throws Exception {
    browser.open("/cases/" + caseId);
    assertThat(browser.text("[data-test=case-evidence]")).contains("暂无证据材料");

    Path fake = Files.write(dir.resolve("ceiling.png"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
    submit(fake, "天花板漏水照片");
    assertThat(browser.text("[data-error=file]")).contains("按文件内容判断");
    assertThat(browser.find("#evidence-description").getAttribute("value")).as("kept for the next try").isEqualTo("天花板漏水照片");
    browser.screenshot("refused-type");

    byte[] big = new byte[6 * 1024 * 1024];
    System.arraycopy(EvidenceApiTest.png(), 0, big, 0, 16);
    submit(Files.write(dir.resolve("big.png"), big), "太大的照片");
    assertThat(browser.text("[data-error=file]")).contains("文件过大");

    byte[] png = EvidenceApiTest.png();
    Path photo = Files.write(dir.resolve("天花板.png"), png);
    submit(photo, "天花板漏水照片");
    assertThat(browser.url()).startsWith("/cases/" + caseId);
    assertThat(browser.text("[data-test=evidence-notice]")).contains("证据材料已添加");
    String listed = browser.text("[data-test=case-evidence] table");
    assertThat(listed).contains("天花板.png", "天花板漏水照片", "haiwang-mediator");
    assertThat(browser.pageText()).contains("添加证据材料");
    browser.screenshot("added");

    String href = browser.find("[data-test=evidence-download]").getAttribute("href");
    HttpResponse<byte[]> got = browser.download(href);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(got.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(got.body()).isEqualTo(png);
    assertThat(browser.download(href.replaceAll("[0-9a-f]{64}$", "0".repeat(64))).statusCode()).isEqualTo(404);

    browser.open("/cases/" + caseId + "?lang=en");
    assertThat(browser.text("[data-test=case-evidence]")).contains("Evidence", "Upload");
    browser.screenshot("added-en");

    try (Browser court = new Browser(port, "evidence-court").login("qu-court")) {
      court.open("/cases/" + caseId);
      if (court.present("[data-test=case-evidence]")) {
        assertThat(court.text("[data-test=case-evidence]")).contains("天花板.png");
        assertThat(court.present("[data-test=evidence-form]")).as("a court liaison reads, does not add").isFalse();
        court.screenshot("court-reads");
      }
    }
  }

  private void submit(Path file, String description) {
    browser.find("#evidence-file").sendKeys(file.toString());
    browser.type("#evidence-description", description);
    browser.click("[data-test=evidence-form] button[type=submit]");
    browser.find("[data-test=case-evidence]");
  }
}
