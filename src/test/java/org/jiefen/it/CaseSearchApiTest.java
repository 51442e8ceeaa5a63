package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.jiefen.casesearch.Reindexer;
import org.jiefen.search.Indices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Search through the API against the real node: Chinese queries, highlight, facets, filters, data
 * scope in hits and facet counts, exact lookups, bad input, deep paging, and the rebuild with its
 * alias swap. Each test searches for a marker only its own cases carry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final String XINAN = "440306001000";
  // Chinese, not Latin: the bigram analyzer joins a Latin word with its neighbour, so a marker must be CJK to be found alone
  static final String MARK = "检索标记" + chinese(AppTestSupport.RUN);

  /** The text in Chinese characters, one per base-36 digit. */
  static String chinese(String base36) {
    return chinese(base36, 0);
  }

  /** As {@link #chinese(String)} with the glyphs shifted, so two markers share no bigram. */
  static String chinese(String base36, int shift) {
    String glyphs = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川河海风云";
    StringBuilder out = new StringBuilder();
    for (char c : base36.toCharArray()) {
      out.append(glyphs.charAt((Character.digit(c, 36) + shift) % 36));
    }
    return out.toString();
  }

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired Reindexer reindexer;
  ApiDriver api;
  String wage;
  String noise;
  String land;
  String report;
  String wageId;
  String wagePhone;

  @BeforeAll
  void cases() {
    api = new ApiDriver(rest);
    wageId = AppTestSupport.uniqueIdNumber();
    wagePhone = AppTestSupport.uniquePhone();
    wage = api.register("intake", mediation("张三与某电子厂拖欠工资纠纷", "申请人称电子厂拖欠工资两个月。" + MARK,
        "labour", HAIWANG, "张三", wageId, wagePhone));
    noise = api.register("intake", mediation("楼上楼下邻里噪音纠纷", "楼上住户夜间噪音扰民，多次协商未果。" + MARK,
        "neighbour", HAIWANG, "李四", AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    land = api.register("intake", mediation("村民土地承包经营权纠纷", "两户村民对承包地边界有争议。" + MARK,
        "land", XINAN, "王五", AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
    Map<String, Object> body = PetitionIntakeApiTest.petition("report", "letter", "举报工作人员违规收费" + MARK,
        "举报某工作人员在办事过程中违规收取费用。" + MARK, PetitionIntakeApiTest.petitioner());
    body.put("unitCode", XINAN);
    body.put("accused", List.of("某某"));
    report = api.register("xinan-petition", body);
    await().atMost(Duration.ofSeconds(20)).until(() -> ids(search("admin", "q=" + MARK)).size() == 3
        && ids(search("xinan-petition", "q=" + MARK)).contains(report));
  }

  @Test
  void chineseQueriesFindTheirCasesAndNotOthers() {
    // 电子厂: other test classes register wage disputes too; this narrows to those of the search tests
    JsonNode found = search("xinan-mediator", "size=100&q=" + "电子厂拖欠工资");
    assertThat(ids(found)).contains(wage).doesNotContain(noise, land);
    JsonNode hit = hit(found, wage);
    assertThat(hit.get("title").asText()).contains("<em>").contains("拖欠").contains("工资");
    assertThat(ids(search("xinan-mediator", "q=" + "邻里噪音"))).contains(noise).doesNotContain(wage, land);
    assertThat(ids(search("xinan-mediator", "q=" + "土地承包"))).contains(land).doesNotContain(wage, noise);
    // party names are searchable
    assertThat(ids(search("xinan-mediator", "q=" + "李四 " + MARK))).contains(noise);
    // words separated by a space (the ideographic one too) must each match
    assertThat(ids(search("xinan-mediator", "q=" + "李四 " + MARK))).doesNotContain(wage, land);
    assertThat(ids(search("xinan-mediator", "q=" + "土地承包　" + MARK))).containsExactly(land);
    assertThat(ids(search("xinan-mediator", "q=" + "土地承包 邻里噪音 " + MARK))).isEmpty();
  }

  @Test
  void facetsCountWithinTheScopeAndFiltersNarrow() {
    JsonNode all = search("xinan-mediator", "q=" + MARK);
    // the confidential report is not the mediator's: three cases, in hits and counts alike
    assertThat(ids(all)).containsExactlyInAnyOrder(wage, noise, land);
    assertThat(count(all, "kind", "mediation")).isEqualTo(3);
    assertThat(count(all, "kind", "petition")).isZero();
    assertThat(count(all, "category", "labour")).isEqualTo(1);
    assertThat(count(all, "unit", HAIWANG)).isEqualTo(2);
    assertThat(count(all, "status", "open")).isEqualTo(3);
    assertThat(label(all, "kind", "mediation")).isEqualTo("矛盾纠纷");

    JsonNode local = search("haiwang-mediator", "q=" + MARK);
    assertThat(ids(local)).containsExactlyInAnyOrder(wage, noise);
    assertThat(count(local, "category", "land")).isZero();

    JsonNode petitionClerk = search("xinan-petition", "q=" + MARK);
    assertThat(ids(petitionClerk)).contains(report);
    assertThat(count(petitionClerk, "kind", "petition")).isEqualTo(1);

    JsonNode outside = search("xixiang-mediator", "q=" + MARK);
    assertThat(ids(outside)).isEmpty();
    assertThat(outside.get("facets").get("kind")).isEmpty();

    assertThat(ids(search("xinan-mediator", "q=" + MARK + "&unit=" + HAIWANG))).containsExactlyInAnyOrder(wage, noise);
    assertThat(ids(search("xinan-mediator", "q=" + MARK + "&category=land"))).containsExactly(land);
    assertThat(ids(search("xinan-mediator", "q=" + MARK + "&status=archived"))).isEmpty();
    assertThat(ids(search("xinan-mediator", "q=" + MARK + "&year=1999"))).isEmpty();
    assertThat(ids(search("xinan-mediator", "q=" + MARK + "&due=RED"))).isEmpty();
  }

  @Test
  void exactLookupsAnswerThoseCasesInScope() throws IOException {
    JsonNode byId = search("xinan-mediator", "q=" + wageId);
    assertThat(byId.get("exact").asBoolean()).isTrue();
    assertThat(ids(byId)).containsExactly(wage);
    assertThat(byId.toString()).doesNotContain(wageId);
    assertThat(ids(search("xinan-mediator", "q=" + wagePhone))).containsExactly(wage);
    assertThat(ids(search("xinan-mediator", "q=" + wage.toLowerCase()))).containsExactly(wage);
    String code = api.caseFile(wage).get("queryCode").asText();
    assertThat(ids(search("xinan-mediator", "q=" + code))).containsExactly(wage);
    // scope still applies
    assertThat(ids(search("xixiang-mediator", "q=" + wageId))).isEmpty();
    // the audit trail names the kind of lookup, never the number
    es.indices().refresh(r -> r.index(indices.audit()));
    String trail = es.search(x -> x.index(indices.audit()).size(1000)
        .query(q -> q.term(t -> t.field("action").value("CASE_SEARCHED"))), JsonNode.class)
        .hits().hits().stream().map(h -> String.valueOf(h.source())).reduce("", String::concat);
    assertThat(trail).contains("exact id_number").contains("exact phone").doesNotContain(wageId)
        .doesNotContain(wagePhone);
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    for (var bad : Map.of("size=101", "size", "year=20x6", "year", "due=PURPLE", "due", "after=%21%21", "after",
        "status=gone", "status", "q=" + "长".repeat(201), "q").entrySet()) {
      ResponseEntity<JsonNode> answer = api.get("intake", "/api/v1/search?" + bad.getKey());
      assertThat(answer.getStatusCode()).as(bad.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody().toString()).as(bad.getKey()).contains("\"" + bad.getValue() + "\"");
    }
  }

  @Test
  void pagingStaysCorrectDeepIntoTheResults() throws IOException {
    String mark = "深页" + chinese(AppTestSupport.RUN, 11);
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (int i = 0; i < 150; i++) {
      String id = String.format("MD-20260101-D%04d", i);
      Map<String, Object> doc = new HashMap<>();
      doc.put("id", id);
      doc.put("kind", "mediation");
      doc.put("title", "物业费纠纷" + mark);
      doc.put("description", "第" + i + "件");
      doc.put("status", "CLOSED");
      doc.put("archived", true);
      doc.put("unitCode", HAIWANG);
      doc.put("unitPath", List.of("440306000000", XINAN, HAIWANG));
      doc.put("created", String.format("2025-%02d-01T00:00:00Z", 1 + i % 12));
      doc.put("year", 2025);
      bulk.operations(o -> o.index(x -> x.index(indices.caseSearch()).id(id).document(doc)));
    }
    es.bulk(bulk.refresh(Refresh.True).build());
    for (String query : List.of("q=" + mark, "q=&year=2025&status=archived&unit=" + HAIWANG)) {
      Set<String> seen = new HashSet<>();
      List<String> order = new ArrayList<>();
      String after = null;
      int pages = 0;
      do {
        JsonNode page = search("haiwang-mediator", query + "&size=20" + (after == null ? "" : "&after=" + after));
        for (String id : ids(page)) {
          if (id.startsWith("MD-20260101-D")) {
            assertThat(seen.add(id)).as("duplicate " + id).isTrue();
          }
          order.add(id);
        }
        after = page.hasNonNull("next") ? page.get("next").asText() : null;
        assertThat(page.get("total").asLong()).as(query).isEqualTo(150);
        if (pages == 0) {
          // between the first page (live index) and the second (a point in time opened then),
          // writes move the scores' statistics: still none twice and none skipped
          BulkRequest.Builder more = new BulkRequest.Builder();
          for (int i = 0; i < 30; i++) {
            String id = String.format("MD-20260102-E%04d", i);
            Map<String, Object> doc = Map.of("id", id, "kind", "mediation", "title", "物业费纠纷", "description", "另一件",
                "status", "CLOSED", "unitPath", List.of("440306000000", XINAN, HAIWANG), "year", 2025);
            more.operations(o -> o.index(x -> x.index(indices.caseSearch()).id(id).document(doc)));
          }
          es.bulk(more.refresh(Refresh.True).build());
        }
        pages++;
      } while (after != null && pages < 50);
      assertThat(seen).as(query).hasSize(150);
    }
  }

  @Test
  void reindexSwapsTheAliasWhileSearchesAnswerAndCatchesUpChanges() throws Exception {
    String alias = indices.caseSearch();
    Set<String> before = es.indices().getAlias(a -> a.name(alias)).result().keySet();
    // an archived case only the archive holds
    String archivedId = "MD-20250101-ARCH" + AppTestSupport.RUN.substring(0, 1).toUpperCase();
    Map<String, Object> file = Map.of("id", archivedId, "kind", "mediation", "title", "宅基地纠纷已归档" + MARK,
        "status", "CLOSED", "unitCode", HAIWANG, "unitPath", List.of("440306000000", XINAN, HAIWANG),
        "created", "2025-01-01T00:00:00Z", "closed", "2025-02-01T00:00:00Z");
    es.index(i -> i.index(indices.archive()).id(archivedId).refresh(Refresh.True).document(Map.of("caseId", archivedId,
        "archivedAt", "2025-02-02T00:00:00Z", "file", file,
        "timeline", List.of(Map.of("id", archivedId + ":1", "caseId", archivedId, "at", "2025-01-05T00:00:00Z",
            "type", "NOTE", "summary", "双方就宅基地界址达成一致")))));
    AtomicReference<String> during = new AtomicReference<>();
    AtomicReference<Integer> hitsDuring = new AtomicReference<>();
    reindexer.beforeSwap(() -> {
      hitsDuring.set(ids(search("xinan-mediator", "q=" + MARK)).size());
      during.set(api.register("intake", mediation("重建期间登记的劳务合同纠纷", "合同到期未续签。" + MARK,
          "labour", HAIWANG, "赵六", AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone())));
    });
    try {
      ResponseEntity<JsonNode> started = api.post("admin", "/api/v1/search/reindex", null);
      assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
      assertThat(api.post("intake", "/api/v1/search/reindex", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      await().atMost(Duration.ofSeconds(60)).until(() -> !reindexer.status().running());
    } finally {
      reindexer.beforeSwap(null);
    }
    Reindexer.Status status = reindexer.status();
    assertThat(status.state()).as(String.valueOf(status.error())).isEqualTo("DONE");
    assertThat(hitsDuring.get()).as("searches answer during the rebuild").isGreaterThanOrEqualTo(3);
    Set<String> after = es.indices().getAlias(a -> a.name(alias)).result().keySet();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
    assertThat(es.indices().exists(e -> e.index(List.copyOf(before))).value()).isFalse();
    assertThat(api.get("admin", "/api/v1/search/reindex").getBody().get("state").asText()).isEqualTo("DONE");
    // every case of the cases index is in the new index, the archived one too, and the one registered meanwhile
    // (other tests' processes keep writing cases in the shared app: those reach the new index through the change feed)
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      es.indices().refresh(r -> r.index(List.of(alias, indices.cases())));
      // a record destroyed at the end of its retention (another test) is rebuilt from nothing: it leaves the search
      var destroyed = es.search(s -> s.index(indices.archive()).size(10_000).source(x -> x.fetch(false))
          .query(q -> q.term(t -> t.field("disposition.state").value("DESTROYED"))), JsonNode.class)
          .hits().hits().stream().map(h -> h.id()).toList();
      var caseIds = es.search(s -> s.index(indices.cases()).size(10_000).source(x -> x.filter(f -> f.includes("id"))),
          JsonNode.class).hits().hits().stream().map(h -> h.id()).filter(id -> !destroyed.contains(id)).toList();
      var missing = es.mget(m -> m.index(alias).ids(caseIds).source(x -> x.fetch(false)), JsonNode.class).docs().stream()
          .filter(d -> !d.result().found()).map(d -> d.result().id()).toList();
      assertThat(missing).isEmpty();
    });
    JsonNode now = search("xinan-mediator", "q=" + MARK);
    assertThat(ids(now)).contains(wage, noise, land, during.get(), archivedId);
    assertThat(count(now, "status", "archived")).isEqualTo(1);
    assertThat(ids(search("xinan-mediator", "q=" + "宅基地界址"))).contains(archivedId);
  }

  // --- helpers

  static Map<String, Object> mediation(String title, String description, String category, String unit, String name,
      String idNumber, String phone) {
    return Map.of("kind", "mediation", "title", title, "description", description, "category", category,
        "channel", "walk_in", "unitCode", unit,
        "parties", List.of(Map.of("name", name, "role", "applicant", "idNumber", idNumber, "phone", phone),
            Map.of("name", "某某有限公司", "role", "respondent")));
  }

  JsonNode search(String user, String query) {
    ResponseEntity<JsonNode> answer = api.get(user, "/api/v1/search?" + query);
    assertThat(answer.getStatusCode()).as(query + " " + answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  static List<String> ids(JsonNode result) {
    return StreamSupport.stream(result.get("hits").spliterator(), false).map(h -> h.get("id").asText()).toList();
  }

  static JsonNode hit(JsonNode result, String id) {
    return StreamSupport.stream(result.get("hits").spliterator(), false).filter(h -> h.get("id").asText().equals(id))
        .findFirst().orElseThrow();
  }

  static long count(JsonNode result, String facet, String value) {
    JsonNode values = result.get("facets").get(facet);
    return values == null ? 0 : StreamSupport.stream(values.spliterator(), false)
        .filter(v -> v.get("value").asText().equals(value)).mapToLong(v -> v.get("count").asLong()).sum();
  }

  static String label(JsonNode result, String facet, String value) {
    return StreamSupport.stream(result.get("facets").get(facet).spliterator(), false)
        .filter(v -> v.get("value").asText().equals(value)).map(v -> v.get("label").asText()).findFirst().orElse(null);
  }

  /** For a real address (the browser); TestRestTemplate encodes the path it is given itself. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
