package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Registering petitions through {@code POST /api/v1/cases}: the fields each kind and channel
 * requires (every wrong field named in one problem), what the case file and the timeline keep
 * (never an accused's name), and repeat petitions: the same person or the same matter within the
 * window, and matters closed for good after re-review at any age (Art. 36).
 */
class PetitionIntakeApiTest extends AppIntegrationTest {

  static final String DISTRICT = "440306000000";
  static final String XINAN = "440306001000";

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired Clock clock;

  ApiDriver api() {
    return new ApiDriver(rest);
  }

  @Test
  void aGroupVisitIsRegisteredWithItsVisitRecord() {
    Map<String, Object> body = petition("claim", "visit", "村民集体反映征地补偿款分配不公" + unique(),
        "六位村民来访，反映村集体征地补偿款分配方案未经村民会议讨论，要求重新分配。", petitioner());
    body.put("category", "land");
    body.put("visit", Map.of("visitors", 6, "visitedAt", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8))
        .minusHours(1).toString(), "representatives", 3));
    ResponseEntity<JsonNode> created = api().post("qu-petition", "/api/v1/cases", body);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody().get("id").asText()).startsWith("XF-");
    assertThat(created.getBody().get("possibleDuplicates")).isEmpty();
    String id = created.getBody().get("id").asText();

    JsonNode file = api().get("qu-petition", "/api/v1/cases/" + id).getBody();
    assertThat(file.get("kind").asText()).isEqualTo("petition");
    assertThat(file.get("status").asText()).as("the Petition process started").isEqualTo("OPEN");
    assertThat(file.get("channel").asText()).isEqualTo("visit");
    JsonNode petition = file.get("petition");
    assertThat(petition.get("petitionKind").asText()).isEqualTo("claim");
    assertThat(petition.get("confidential").asBoolean()).isFalse();
    assertThat(petition.get("repeatSuspected").asBoolean()).isFalse();
    assertThat(petition.get("closedFinalMatch").asBoolean()).isFalse();
    assertThat(petition.get("visit").get("visitors").asInt()).isEqualTo(6);
    assertThat(petition.get("visit").get("groupVisit").asBoolean()).as("5 or more: 集体访").isTrue();
    assertThat(petition.get("visit").get("representatives").asInt()).isEqualTo(3);
    assertThat(petition.get("visit").get("receivedBy").asText()).as("the registrar by default").isEqualTo("区信访局 李娜");
    assertThat(petition.has("accusedHashes")).isFalse();
    JsonNode registered = event(file, "CASE_REGISTERED");
    assertThat(registered.get("data").get("visit").get("visitors").asInt()).isEqualTo(6);
    assertThat(registered.get("data").get("channel").asText()).isEqualTo("visit");
  }

  @Test
  void aReportIsConfidentialAndKeepsItsAccusedOnlyAsHashes() throws IOException {
    Map<String, Object> body = petition("report", "letter", "举报某局工作人员吃拿卡要" + unique(),
        "信访人来信举报区某局一名工作人员在办理营业执照时索要财物。", petitioner());
    body.put("accused", List.of("钱某某", "钱 某某", "孙某"));
    String id = api().register("qu-petition", body);

    JsonNode file = api().get("qu-petition", "/api/v1/cases/" + id).getBody();
    assertThat(file.get("petition").get("confidential").asBoolean()).as("reports are confidential by default").isTrue();
    assertThat(file.get("petition").get("accusedCount").asInt()).as("one name spelt twice").isEqualTo(2);
    assertThat(file.get("petition").has("accusedHashes")).isFalse();
    assertThat(event(file, "CASE_REGISTERED").get("data").get("accusedCount").asInt()).isEqualTo(2);
    assertThat(file.toString()).doesNotContain("孙某");
    String stored = es.get(g -> g.index(indices.cases()).id(id), Map.class).source().toString();
    assertThat(stored).doesNotContain("孙某").doesNotContain("钱某某").contains("accusedHashes");

    Map<String, Object> open = petition("report", "online", "举报某单位违规发放补贴" + unique(), "网上举报。", petitioner());
    open.put("confidential", false);
    String notConfidential = api().register("qu-petition", open);
    assertThat(api().get("qu-petition", "/api/v1/cases/" + notConfidential).getBody().get("petition").get("confidential")
        .asBoolean()).isFalse();
  }

  @Test
  void aHotlineTransferCarriesItsWorkOrder() {
    Map<String, Object> body = petition("suggestion", "hotline_12345", "建议增设公交站点" + unique(),
        "市民经12345热线建议在某路口增设公交站点。", petitioner());
    body.put("hotlineOrder", "GD-2026-0506-0012");
    body.put("unitCode", XINAN);
    String id = api().register("xinan-petition", body);
    JsonNode file = api().get("xinan-petition", "/api/v1/cases/" + id).getBody();
    assertThat(file.get("petition").get("hotlineOrder").asText()).isEqualTo("GD-2026-0506-0012");
    assertThat(file.get("petition").get("confidential").asBoolean()).isFalse();
  }

  @Test
  void everyWrongFieldIsNamedInOneProblem() {
    Map<String, Object> body = petition("claim", "walk_in", "反映问题", "详情",
        List.of(Map.of("name", "某公司", "role", "respondent")));
    body.remove("petitionKind");
    body.put("amount", 100);
    body.put("accused", List.of("张三"));
    body.put("hotlineOrder", "A-1");
    assertThat(errors(body)).containsExactlyInAnyOrder("petitionKind", "channel", "amount", "accused", "parties",
        "hotlineOrder");

    Map<String, Object> visit = petition("claim", "visit", "反映问题", "详情", petitioner());
    assertThat(errors(visit)).containsExactly("visit");
    visit.put("visit", Map.of("visitors", 4, "groupVisit", true, "representatives", 6,
        "visitedAt", OffsetDateTime.now(clock).plusDays(1).toString(), "receivedBy", "<b>"));
    assertThat(errors(visit)).containsExactlyInAnyOrder("visit.groupVisit", "visit.representatives",
        "visit.representatives", "visit.visitedAt", "visit.receivedBy");
    visit.put("visit", Map.of("visitors", "many", "visitedAt", "yesterday"));
    assertThat(errors(visit)).isNotEmpty();

    Map<String, Object> report = petition("report", "letter", "举报", "详情",
        List.of(applicant(), Map.of("name", "张三", "role", "respondent")));
    report.put("accused", List.of("\u3000", "x".repeat(51)));
    assertThat(errors(report)).containsExactlyInAnyOrder("parties[1].role", "accused[0]", "accused[1]");

    Map<String, Object> mediation = new HashMap<>(AppTestSupport.wageDispute("440306001001",
        AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    mediation.put("petitionKind", "claim");
    mediation.put("channel", "visit");
    mediation.remove("category");
    assertThat(errors(mediation)).containsExactlyInAnyOrder("petitionKind", "channel", "category");
  }

  @Test
  void departmentsTakePetitionsButNotMediation() {
    Map<String, Object> dispute = new HashMap<>(AppTestSupport.wageDispute("440306900001",
        AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    ResponseEntity<JsonNode> refused = api().post("qu-petition", "/api/v1/cases", dispute);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("unitCode");

    Map<String, Object> body = petition("claim", "letter", "反映劳动合同纠纷" + unique(), "来信反映。", petitioner());
    body.put("unitCode", "440306900001");
    String id = api().register("renshe-petition", body);
    assertThat(api().get("renshe-petition", "/api/v1/cases/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(api().get("zhujian-petition", "/api/v1/cases/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(api().post("zhujian-petition", "/api/v1/cases", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theSamePersonOrTheSameMatterWithinAYearIsARepeatPetition() throws IOException {
    String idNumber = AppTestSupport.uniqueIdNumber();
    String phone = AppTestSupport.uniquePhone();
    String matter = "反映某街道旧改项目拆迁补偿款长期未发放" + unique();
    String text = "信访人反映其房屋于前年被纳入旧改范围，签约后补偿款至今未到位，多次询问无果，要求尽快发放。";
    String first = api().register("qu-petition", petition("claim", "letter", matter, text, List.of(applicant(idNumber, phone))));
    refresh();

    // the same person, another matter
    ResponseEntity<JsonNode> samePerson = api().post("qu-petition", "/api/v1/cases",
        petition("suggestion", "phone", "建议增加社区体育设施", "来电建议在社区公园增设健身器材。", List.of(applicant(idNumber, phone))));
    assertThat(samePerson.getBody().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(first);
    String second = samePerson.getBody().get("id").asText();
    JsonNode file = api().get("qu-petition", "/api/v1/cases/" + second).getBody();
    assertThat(file.get("duplicates")).extracting(JsonNode::asText).containsExactly(first);
    assertThat(file.get("links")).extracting(JsonNode::asText).containsExactly(first);
    assertThat(file.get("petition").get("repeatSuspected").asBoolean()).isTrue();
    assertThat(event(file, "REPEAT_PETITION").get("summary").asText()).contains("1 件同一信访人");
    refresh();

    // another person, the same matter
    ResponseEntity<JsonNode> sameMatter = api().post("qu-petition", "/api/v1/cases",
        petition("claim", "online", matter, text, petitioner()));
    assertThat(sameMatter.getBody().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(first);
    JsonNode third = api().get("qu-petition", "/api/v1/cases/" + sameMatter.getBody().get("id").asText()).getBody();
    assertThat(event(third, "REPEAT_PETITION").get("summary").asText()).contains("1 件相同或相近事项");
    assertThat(event(third, "REPEAT_PETITION").get("data").get("samePerson").asInt()).isZero();

    // neither
    ResponseEntity<JsonNode> other = api().post("qu-petition", "/api/v1/cases",
        petition("claim", "letter", "反映噪音扰民" + unique(), "夜间施工噪音扰民。", petitioner()));
    assertThat(other.getBody().get("possibleDuplicates")).isEmpty();
    assertThat(api().get("qu-petition", "/api/v1/cases/" + other.getBody().get("id").asText()).getBody()
        .get("petition").get("repeatSuspected").asBoolean()).isFalse();

    // a year and a day later the same person is no longer a repeat
    setOnCase(first, Map.of("created", clock.instant().minus(Duration.ofDays(366)).toString()));
    setOnCase(second, Map.of("created", clock.instant().minus(Duration.ofDays(366)).toString()));
    refresh();
    ResponseEntity<JsonNode> later = api().post("qu-petition", "/api/v1/cases",
        petition("suggestion", "phone", "建议延长图书馆开放时间" + unique(), "来电建议图书馆周末延长开放。",
            List.of(applicant(idNumber, phone))));
    assertThat(later.getBody().get("possibleDuplicates")).isEmpty();
  }

  @Test
  void aMatterClosedForGoodAfterReReviewIsFlaggedAtAnyAge() throws IOException {
    String matter = "反映企业拖欠工伤待遇" + unique();
    String text = "信访人反映其在某厂工作期间受伤，工伤认定后企业拒不支付一次性伤残补助金，要求责令支付。";
    String finalOne = api().register("qu-petition", petition("claim", "letter", matter, text, petitioner()));
    setOnCase(finalOne, Map.of("created", clock.instant().minus(Duration.ofDays(800)).toString(),
        "petition", Map.of("closedFinal", true)));
    refresh();

    ResponseEntity<JsonNode> again = api().post("qu-petition", "/api/v1/cases",
        petition("claim", "visit", matter, text, petitioner(), visitNow()));
    assertThat(again.getStatusCode()).as(String.valueOf(again.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getBody().get("possibleDuplicates")).extracting(JsonNode::asText).containsExactly(finalOne);
    JsonNode file = api().get("qu-petition", "/api/v1/cases/" + again.getBody().get("id").asText()).getBody();
    assertThat(file.get("petition").get("closedFinalMatch").asBoolean()).isTrue();
    assertThat(file.get("petition").get("closedFinalMatches")).extracting(JsonNode::asText).containsExactly(finalOne);
    assertThat(event(file, "CLOSED_FINAL_MATTER").get("summary").asText()).contains("第三十六条").contains("不再受理");
  }

  // --- helpers

  private List<String> errors(Map<String, Object> body) {
    ResponseEntity<JsonNode> response = api().post("qu-petition", "/api/v1/cases", body);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    return StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
        .map(e -> e.get("field").asText())
        .toList();
  }

  private void refresh() throws IOException {
    es.indices().refresh(r -> r.index(indices.cases()));
  }

  /** What a petition worker would have written (the close worker, for closedFinal); dates moved back for windows. */
  private void setOnCase(String id, Map<String, Object> fields) throws IOException {
    es.update(u -> u.index(indices.cases()).id(id).doc(fields), Map.class);
  }

  static JsonNode event(JsonNode file, String type) {
    return StreamSupport.stream(file.get("timeline").spliterator(), false)
        .filter(e -> e.get("type").asText().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " in " + file.get("timeline")));
  }

  static Map<String, Object> petition(String kind, String channel, String title, String description,
      List<Map<String, Object>> parties) {
    return petition(kind, channel, title, description, parties, null);
  }

  static Map<String, Object> petition(String kind, String channel, String title, String description,
      List<Map<String, Object>> parties, Map<String, Object> visit) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "petition");
    body.put("petitionKind", kind);
    body.put("channel", channel);
    body.put("title", title);
    body.put("description", description);
    body.put("unitCode", DISTRICT);
    body.put("parties", parties);
    if (visit != null) {
      body.put("visit", visit);
    }
    return body;
  }

  /** A visit an hour ago on the app's clock (which tests may have moved). */
  Map<String, Object> visitNow() {
    return Map.of("visitors", 1, "visitedAt", OffsetDateTime.now(clock).minusHours(1).toString());
  }

  static List<Map<String, Object>> petitioner() {
    return List.of(applicant());
  }

  static Map<String, Object> applicant() {
    return applicant(AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone());
  }

  static Map<String, Object> applicant(String idNumber, String phone) {
    return Map.of("name", "刘信访", "role", "applicant", "idNumber", idNumber, "phone", phone,
        "email", "liu.xf@example.com");
  }

  private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();

  /** Keeps titles of different tests apart, so only the repeats a test means are found. */
  static String unique() {
    return "（" + AppTestSupport.RUN + "-" + SEQUENCE.incrementAndGet() + "）";
  }
}
