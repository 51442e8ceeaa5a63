package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.jiefen.platform.DataDirectory;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Evidence attachments over the API: PNG and PDF go in and come back byte for byte, stored
 * encrypted; hostile files are refused by their content with a problem naming {@code file}; out
 * of scope is 404; closed cases take none; uploads and downloads are audited.
 */
class EvidenceApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";

  @Autowired TestRestTemplate rest;
  @Autowired DataDirectory dataDirectory;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  ApiDriver api;

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void evidenceGoesInEncryptedAndComesBackAsItWas() throws Exception {
    String caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    byte[] png = png();
    byte[] pdf = ("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n" + caseId).getBytes(StandardCharsets.US_ASCII);

    ResponseEntity<JsonNode> added = upload("haiwang-mediator", caseId, png, "image/png", "../../天花板漏水.png", "漏水的天花板照片");
    assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode record = added.getBody();
    assertThat(record.get("sha256").asText()).isEqualTo(sha256(png));
    assertThat(record.get("type").asText()).isEqualTo("png");
    assertThat(record.get("size").asLong()).isEqualTo(png.length);
    assertThat(record.get("label").asText()).as("path parts stripped").isEqualTo("天花板漏水.png");
    assertThat(record.get("uploadedBy").asText()).isEqualTo("haiwang-mediator");

    // a PDF whose name claims a picture is a PDF: judged by content; CR/LF in the name are cleaned, not refused
    ResponseEntity<JsonNode> pdfAdded = upload("haiwang-mediator", caseId, pdf, "application/octet-stream",
        "工资条\r\nX-Injected: 1.jpg", "工资条，联系电话13812345678");
    assertThat(pdfAdded.getStatusCode()).as(String.valueOf(pdfAdded.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(pdfAdded.getBody().get("type").asText()).isEqualTo("pdf");
    assertThat(pdfAdded.getBody().get("label").asText()).startsWith("工资条").doesNotContain("\r", "\n");
    assertThat(pdfAdded.getBody().get("description").asText()).as("numbers in free text masked")
        .doesNotContain("13812345678");

    // the same bytes again: listed once
    ResponseEntity<JsonNode> again = upload("haiwang-mediator", caseId, png, "image/png", "again.png", "再次上传");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> list = api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/evidence");
    assertThat(list.getBody()).hasSize(2);
    JsonNode file = api.caseFile(caseId);
    assertThat(file.get("evidence")).hasSize(2);
    assertThat(StreamSupport.stream(file.get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asText().equals("EVIDENCE_ADDED"))).hasSize(2);

    // downloads: byte-identical, the detected type, an attachment, never sniffed
    ResponseEntity<byte[]> gotPng = download("haiwang-mediator", caseId, sha256(png));
    assertThat(gotPng.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(gotPng.getBody()).isEqualTo(png);
    assertThat(gotPng.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(gotPng.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
    assertThat(gotPng.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    ResponseEntity<byte[]> gotPdf = download("xinan-mediator", caseId, sha256(pdf));
    assertThat(gotPdf.getBody()).as("the town above sees its communities' cases").isEqualTo(pdf);
    assertThat(gotPdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(gotPdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment;").endsWith(".pdf").doesNotContain("\r", "\n", ".jpg");

    // at rest: encrypted, not the plaintext
    String sha = sha256(png);
    Path stored = dataDirectory.dir("documents").resolve(sha.substring(0, 2)).resolve(sha);
    byte[] onDisk = Files.readAllBytes(stored);
    assertThat(onDisk).isNotEqualTo(png);
    assertThat(indexOf(onDisk, Arrays.copyOfRange(png, 0, 16))).as("no plaintext run on disk").isEqualTo(-1);
    assertThat(indexOf(Files.readAllBytes(dataDirectory.dir("documents").resolve(sha256(pdf).substring(0, 2))
        .resolve(sha256(pdf))), caseId.getBytes(StandardCharsets.US_ASCII))).isEqualTo(-1);

    // out of scope: the case does not exist for them
    assertThat(api.get("gushu-mediator", "/api/v1/cases/" + caseId + "/evidence").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download("gushu-mediator", caseId, sha).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(upload("gushu-mediator", caseId, png(), "image/png", "x.png", "越权").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download("haiwang-mediator", caseId, "0".repeat(64)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // a role that does not work cases may not add
    ResponseEntity<JsonNode> byAdmin = upload("admin", caseId, png(), "image/png", "x.png", "管理员");
    assertThat(byAdmin.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/evidence").getBody()).hasSize(2);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode added2 = api.get("admin", "/api/v1/audit?action=EVIDENCE_ADDED&caseId=" + caseId).getBody();
      assertThat(added2).hasSizeGreaterThanOrEqualTo(2);
      assertThat(added2.get(0).get("actor").asText()).isEqualTo("haiwang-mediator");
      JsonNode downloads = api.get("admin", "/api/v1/audit?action=DOCUMENT_DOWNLOADED&caseId=" + caseId).getBody();
      assertThat(downloads).hasSize(2);
      assertThat(downloads.toString()).contains("evidence png " + sha);
      JsonNode denied = api.get("admin", "/api/v1/audit?action=ACCESS_DENIED&actor=gushu-mediator").getBody();
      assertThat(denied.toString()).contains(caseId);
    });
  }

  @Test
  void hostileFilesAreRefusedByTheirContent() throws Exception {
    String caseId = api.register("intake", MediationApiTest.dispute(HAIWANG, AppTestSupport.uniquePhone()));
    byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4};
    byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
    byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] big = new byte[6 * 1024 * 1024];
    System.arraycopy(png(), 0, big, 0, 8);

    refused(upload("haiwang-mediator", caseId, html, "application/pdf", "合同.pdf", "HTML named .pdf"), 415, "file");
    refused(upload("haiwang-mediator", caseId, svg, "image/svg+xml", "photo.svg", "SVG with script"), 415, "file");
    refused(upload("haiwang-mediator", caseId, svg, "image/png", "photo.png", "SVG named .png"), 415, "file");
    refused(upload("haiwang-mediator", caseId, zip, "application/zip", "证据.zip", "ZIP"), 415, "file");
    refused(upload("haiwang-mediator", caseId, exe, "application/octet-stream", "scan.jpg", "EXE"), 415, "file");
    refused(upload("haiwang-mediator", caseId, pdf, "image/png", "scan.png", "PDF declared PNG"), 415, "file");
    refused(upload("haiwang-mediator", caseId, pdf, "text/html", "scan.pdf", "PDF declared HTML"), 415, "file");
    refused(upload("haiwang-mediator", caseId, new byte[0], "image/png", "empty.png", "empty"), 400, "file");
    refused(upload("haiwang-mediator", caseId, big, "image/png", "big.png", "6 MB"), 413, "file");
    refused(upload("haiwang-mediator", caseId, png(), "image/png", "ok.png", null), 400, "description");
    refused(upload("haiwang-mediator", caseId, png(), "image/png", "ok.png", " \r\n "), 400, "description");
    refused(upload("haiwang-mediator", caseId, png(), "image/png", "ok.png", "长".repeat(201)), 400, "description");
    LinkedMultiValueMap<String, Object> noFile = new LinkedMultiValueMap<>();
    noFile.add("description", "没有文件");
    refused(post("haiwang-mediator", caseId, noFile), 400, "file");

    assertThat(api.get("haiwang-mediator", "/api/v1/cases/" + caseId + "/evidence").getBody()).isEmpty();

    // closed cases take no evidence
    es.update(u -> u.index(indices.cases()).id(caseId).doc(Map.of("status", "CLOSED")), JsonNode.class);
    ResponseEntity<JsonNode> closed = upload("haiwang-mediator", caseId, png(), "image/png", "late.png", "结案后");
    assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(closed.getHeaders().getContentType().toString()).startsWith("application/problem+json");

    // the app keeps running
    assertThat(api.get("haiwang-mediator", "/api/v1/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private static void refused(ResponseEntity<JsonNode> response, int status, String field) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(response.getBody().get("field").asText()).isEqualTo(field);
    assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
  }

  ResponseEntity<JsonNode> upload(String user, String caseId, byte[] content, String type, String name, String description) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", part(content, type, name));
    if (description != null) {
      body.add("description", description);
    }
    return post(user, caseId, body);
  }

  ResponseEntity<JsonNode> post(String user, String caseId, LinkedMultiValueMap<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo")
        .postForEntity("/api/v1/cases/" + caseId + "/evidence", new HttpEntity<>(body, headers), JsonNode.class);
  }

  static HttpEntity<ByteArrayResource> part(byte[] content, String type, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(type));
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }

  ResponseEntity<byte[]> download(String user, String caseId, String sha) {
    return rest.withBasicAuth(user, "demo").getForEntity("/api/v1/cases/" + caseId + "/evidence/" + sha, byte[].class);
  }

  /** A small real PNG, different each call (a random pixel), so uploads are new files. */
  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, (int) (Math.random() * 0xFFFFFF));
    image.setRGB(10, 8, (int) System.nanoTime());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
