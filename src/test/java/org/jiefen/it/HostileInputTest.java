package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A corpus of hostile and broken input, sent to every endpoint that takes input. Each must be
 * refused with a 4xx problem body that gives nothing of the server away; afterwards no trace of
 * any of it may be in Elasticsearch, the engine or the mail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends AppIntegrationTest {

  /** Every hostile payload carries this, so its traces can be looked for afterwards. */
  static final String MARK = "HOSTILE7Q";

  static final String ID = AppTestSupport.idNumber("44030619850707451");
  static final ObjectMapper JSON = new ObjectMapper();

  record Attack(String name, String user, HttpMethod method, String path, String contentType, byte[] body) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired LocalEngine engine;

  static Stream<Attack> corpus() throws Exception {
    List<Attack> all = new ArrayList<>();
    // ID numbers
    for (String id : List.of(ID.substring(0, 17) + (ID.charAt(17) == '0' ? '1' : '0'), ID.substring(0, 17), ID + "1",
        "440306198502304516", "440306209901014512", "440306180001014512", "000000000000000000", "440306 1985070745 16",
        "４４０３０６１９８５０７０７４５１６", "' OR '1'='1", "<script>" + MARK + "</script>", ID.substring(0, 17) + "\u0000",
        "44030619850707451😀", "x".repeat(10_000), "44030619850707451Z", ID + "\r\nX-" + MARK + ": 1", ID.replace('4', 'A'),
        "1" + ID.substring(1), "99999999999999999X", "${jndi:ldap://" + MARK + "}", "../../etc/passwd", "-" + ID.substring(1))) {
      all.add(caseWith("id " + id.substring(0, Math.min(id.length(), 24)), party(id, "13812345678", null)));
    }
    // phone numbers
    for (String phone : List.of("12345678901", "1381234567", "138123456789", "+1 415 555 0100", "138-1234-567a",
        "<b>" + MARK + "</b>", "13812345678\r\nBcc: x", "０13812345678", "", "1381234567８", "0000000000000")) {
      all.add(caseWith("phone " + phone, party(ID, phone, null)));
    }
    // markup and control characters in case text
    for (String text : List.of("<script>alert('" + MARK + "')</script>", "<img src=x onerror=alert('" + MARK + "')>",
        "\"><svg/onload=alert('" + MARK + "')>", MARK + "\u0000null", MARK + "\u001b[31mred", "<iframe src=//" + MARK + ">")) {
      all.add(caseWithField("title " + text, "title", text));
      all.add(caseWithField("description " + text, "description", text));
      all.add(caseWith("name " + text, List.of(Map.of("name", text, "role", "applicant", "idNumber", ID, "phone", "13812345678"))));
    }
    // header injection through e-mail addresses
    for (String email : List.of("a@b.cn\r\nBcc: " + MARK + "@evil.example", "a@b.cn\nX-" + MARK + ": 1",
        "\"a\r\nb\"@b.cn", "a@b.cn%0D%0ABcc:" + MARK, "<a@b.cn>", "a@b.cn, " + MARK + "@d.cn")) {
      all.add(caseWith("email " + email, party(ID, "13812345678", email)));
    }
    // wrong types and shapes
    Map<String, Object> good = AppTestSupport.wageDispute("440306001001", ID, "13812345678");
    List<Object[]> shapes = List.of(
        new Object[] {"kind", 1}, new Object[] {"kind", "petition"}, new Object[] {"kind", "MEDIATION"},
        new Object[] {"parties", Map.of()}, new Object[] {"parties", List.of(MARK)}, new Object[] {"parties", null},
        new Object[] {"unitCode", List.of("440306001001")}, new Object[] {"title", MARK + "x".repeat(201)},
        new Object[] {"description", MARK + "x".repeat(5001)}, new Object[] {"category", "<script>" + MARK},
        new Object[] {"channel", "ftp"}, new Object[] {"unitCode", "440306001001' OR 1=1"},
        new Object[] {"parties", java.util.Collections.nCopies(21, Map.of("name", MARK, "role", "respondent"))});
    for (Object[] shape : shapes) {
      Map<String, Object> body = new HashMap<>(good);
      body.put((String) shape[0], shape[1]);
      all.add(json("shape " + shape[0] + "=" + String.valueOf(shape[1]).substring(0, Math.min(20, String.valueOf(shape[1]).length())),
          "intake", HttpMethod.POST, "/api/v1/cases", body));
    }
    for (String raw : List.of("", "[]", "null", "\"" + MARK + "\"", "{", "{\"kind\":\"mediation\",}", "[".repeat(5000) + "]".repeat(5000),
        "{\"title\":\"" + MARK + "\"" + ",\"title\":\"dup\"}")) {
      all.add(raw("raw " + raw.substring(0, Math.min(12, raw.length())), "intake", HttpMethod.POST, "/api/v1/cases",
          "application/json", raw.getBytes(StandardCharsets.UTF_8)));
    }
    // content types and encodings
    byte[] goodJson = JSON.writeValueAsBytes(good);
    all.add(raw("text/plain", "intake", HttpMethod.POST, "/api/v1/cases", "text/plain", goodJson));
    all.add(raw("xml with XXE", "intake", HttpMethod.POST, "/api/v1/cases", "application/xml",
        ("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><case>&x;" + MARK + "</case>")
            .getBytes(StandardCharsets.UTF_8)));
    all.add(raw("form-urlencoded", "intake", HttpMethod.POST, "/api/v1/cases", "application/x-www-form-urlencoded",
        ("title=" + MARK).getBytes(StandardCharsets.UTF_8)));
    all.add(raw("multipart", "intake", HttpMethod.POST, "/api/v1/cases", "multipart/form-data; boundary=x",
        ("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + MARK + "\r\n--x--\r\n").getBytes(StandardCharsets.UTF_8)));
    all.add(raw("no content type", "intake", HttpMethod.POST, "/api/v1/cases", null, goodJson));
    all.add(raw("invalid UTF-8", "intake", HttpMethod.POST, "/api/v1/cases", "application/json",
        new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
    byte[] huge = ("{\"title\":\"" + MARK + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    all.add(raw("2 MB body", "intake", HttpMethod.POST, "/api/v1/cases", "application/json", huge));
    // task endpoints
    for (String id : List.of("99999999999999999999", "-1", "abc", "1e10", "0x10", "%20%2012", "12;drop")) {
      all.add(raw("task id " + id, "haiwang-mediator", HttpMethod.POST, "/api/v1/tasks/" + id + "/claim", null, null));
    }
    all.add(raw("complete with array", "haiwang-mediator", HttpMethod.POST, "/api/v1/tasks/1/complete", "application/json",
        "[1,2]".getBytes(StandardCharsets.UTF_8)));
    all.add(raw("complete with string", "haiwang-mediator", HttpMethod.POST, "/api/v1/tasks/1/complete", "application/json",
        ("\"" + MARK + "\"").getBytes(StandardCharsets.UTF_8)));
    all.add(raw("task list bad state", "intake", HttpMethod.GET, "/api/v1/tasks?state=" + MARK, null, null));
    // dev clock
    for (Object advance : List.of("P-1D", "P1Y", MARK, "P999999999D", "", 5, "PT-1S", "P3661D")) {
      all.add(json("clock " + advance, "intake", HttpMethod.POST, "/dev/clock", Map.of("advance", advance)));
    }
    // users (as administrator)
    Map<String, Object> user = Map.of("username", "newclerk", "displayName", "新同事", "unitCode", "440306001001",
        "roles", List.of("MEDIATOR"), "email", "newclerk@jiefen.local", "password", "long-enough-1");
    List<Object[]> userShapes = List.of(new Object[] {"username", "a"}, new Object[] {"username", "Admin!" + MARK},
        new Object[] {"username", "x".repeat(40)}, new Object[] {"displayName", "<script>" + MARK},
        new Object[] {"email", "x@y.cn\r\nBcc: " + MARK + "@e.x"}, new Object[] {"roles", List.of("ROOT")},
        new Object[] {"roles", List.of()}, new Object[] {"unitCode", "44030600100X"}, new Object[] {"password", "short"},
        new Object[] {"displayName", MARK + "\r\nInjected"});
    for (Object[] shape : userShapes) {
      Map<String, Object> body = new HashMap<>(user);
      body.put((String) shape[0], shape[1]);
      all.add(json("user " + shape[0], "admin", HttpMethod.POST, "/api/v1/users", body));
    }
    // audit filters (as administrator)
    for (String query : List.of("action=DROP" + MARK, "from=yesterday", "size=-1", "size=" + MARK, "outcome=" + MARK)) {
      all.add(raw("audit " + query, "admin", HttpMethod.GET, "/api/v1/audit?" + query, null, null));
    }
    return all.stream();
  }

  private List<String> casesCreated = new ArrayList<>();

  /** A case of its own for the evidence uploads (created before the evidence corpus is built). */
  private String evidenceCase;

  @org.junit.jupiter.api.BeforeAll
  void evidenceCase() {
    evidenceCase = new ApiDriver(rest).register("intake", AppTestSupport.wageDispute("440306001001",
        AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
  }

  /** Evidence uploads: files that are not what they claim, or nothing at all; all carry the mark in their description. */
  Stream<Attack> evidenceCorpus() {
    String path = "/api/v1/cases/" + evidenceCase + "/evidence";
    List<Attack> all = new ArrayList<>();
    Object[][] files = {
        {"html named pdf", "application/pdf", "a.pdf", "<html><script>" + MARK + "</script></html>"},
        {"svg with script", "image/svg+xml", "a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + MARK + "</script></svg>"},
        {"zip", "application/zip", "a.zip", "PK\u0003\u0004" + MARK},
        {"pdf declared png", "image/png", "a.png", "%PDF-1.7 " + MARK},
        {"pdf declared html", "text/html", "a.pdf", "%PDF-1.7 " + MARK},
        {"empty", "image/png", "a.png", ""},
        {"xxe named pdf", "application/pdf", "a.pdf", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"}};
    for (Object[] f : files) {
      String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f[2] + "\"\r\nContent-Type: " + f[1]
          + "\r\n\r\n" + f[3] + "\r\n--x\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + MARK
          + "\r\n--x--\r\n";
      all.add(raw("evidence " + f[0], "haiwang-mediator", HttpMethod.POST, path, "multipart/form-data; boundary=x",
          body.getBytes(StandardCharsets.ISO_8859_1)));
    }
    all.add(raw("evidence as json", "haiwang-mediator", HttpMethod.POST, path, "application/json",
        ("{\"description\":\"" + MARK + "\"}").getBytes(StandardCharsets.UTF_8)));
    all.add(raw("evidence broken multipart", "haiwang-mediator", HttpMethod.POST, path, "multipart/form-data; boundary=x",
        ("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + MARK).getBytes(StandardCharsets.UTF_8)));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("evidenceCorpus")
  void evidenceIsRefusedCleanly(Attack attack) {
    isRefusedCleanly(attack);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedCleanly(Attack attack) {
    HttpHeaders headers = new HttpHeaders();
    if (attack.contentType() != null) {
      headers.set(HttpHeaders.CONTENT_TYPE, attack.contentType());
    }
    ResponseEntity<String> response =
        rest.withBasicAuth(attack.user(), "demo")
            .exchange(attack.path(), attack.method(), new HttpEntity<>(attack.body(), headers), String.class);

    int status = response.getStatusCode().value();
    assertThat(status).as(attack + " → " + response.getBody()).isIn(400, 413, 415);
    assertThat(String.valueOf(response.getHeaders().getContentType())).as(attack.name()).startsWith("application/problem+json");
    assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.")
        .doesNotContain("root:x:0:0");
  }

  @AfterAll
  void nothingHostileWasStored() throws Exception {
    for (String index : List.of(indices.cases(), indices.events(), indices.tasks(), indices.users(), indices.mailOutbox())) {
      var hits = es.search(s -> s.index(index).size(10_000), JsonNode.class).hits().hits();
      assertThat(hits).as(index).noneMatch(h -> h.source().toString().contains(MARK));
    }
    String records = StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .map(Object::toString).collect(java.util.stream.Collectors.joining());
    assertThat(records).doesNotContain(MARK);
    assertThat(rest.getForObject("/dev/mail", String.class)).doesNotContain(MARK);
  }

  private static List<Map<String, Object>> party(String id, String phone, String email) {
    Map<String, Object> p = new HashMap<>(Map.of("name", "王小明", "role", "applicant", "idNumber", id, "phone", phone));
    if (email != null) {
      p.put("email", email);
    }
    return List.of(p);
  }

  private static Attack caseWith(String name, List<? extends Map<String, ?>> parties) throws Exception {
    Map<String, Object> body = new HashMap<>(AppTestSupport.wageDispute("440306001001", ID, "13812345678"));
    body.put("parties", parties);
    body.put("title", "纠纷 " + MARK);
    return json(name, "intake", HttpMethod.POST, "/api/v1/cases", body);
  }

  private static Attack caseWithField(String name, String field, Object value) throws Exception {
    Map<String, Object> body = new HashMap<>(AppTestSupport.wageDispute("440306001001", ID, "13812345678"));
    body.put(field, value);
    return json(name, "intake", HttpMethod.POST, "/api/v1/cases", body);
  }

  private static Attack json(String name, String user, HttpMethod method, String path, Object body) throws Exception {
    return raw(name, user, method, path, "application/json", JSON.writeValueAsBytes(body));
  }

  private static Attack raw(String name, String user, HttpMethod method, String path, String type, byte[] body) {
    return new Attack(name, user, method, path, type, body);
  }
}
