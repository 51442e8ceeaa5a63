package org.jiefen.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.search.ElasticsearchProperties;
import org.jiefen.search.IndexTemplates;
import org.jiefen.search.Indices;
import org.jiefen.search.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change feed against the real node, without the app: a plain search index from an older start
 * becomes an alias; a sweep projects what changed; a new projector instance (a restart) resumes
 * from the watermark in the index, re-projecting only what lies within the margin.
 */
class CaseSearchProjectorTest {

  static final String PREFIX = "proj-" + Long.toString(System.currentTimeMillis(), 36);
  static ElasticsearchClient es;
  static Indices indices;
  static CaseSearchProjection projection = new CaseSearchProjection(List.of(
      (file, doc) -> doc.put("kpi", Map.of("resolved", "CLOSED".equals(file.status())))));

  @BeforeAll
  static void indices() throws IOException {
    es = TestElasticsearch.client();
    ElasticsearchProperties props = TestElasticsearch.properties(PREFIX);
    indices = new Indices(props);
    // an older start left a plain index where the alias belongs
    es.indices().create(c -> c.index(indices.caseSearch()));
    es.index(i -> i.index(indices.caseSearch()).id("stale").document(Map.of("id", "stale")).refresh(Refresh.True));
    new IndexTemplates(es, props).apply();
  }

  @Test
  void plainIndexFromAnOlderStartIsReplacedByAnAlias() throws IOException {
    var aliases = es.indices().getAlias(a -> a.name(indices.caseSearch())).result();
    assertThat(aliases).hasSize(1);
    assertThat(aliases.keySet().iterator().next()).startsWith(indices.caseSearch() + "-");
    // applying again (the next start) keeps the alias and its index
    new IndexTemplates(es, TestElasticsearch.properties(PREFIX)).apply();
    assertThat(es.indices().getAlias(a -> a.name(indices.caseSearch())).result().keySet())
        .isEqualTo(aliases.keySet());
  }

  @Test
  void sweepProjectsChangesAndANewInstanceResumesFromTheWatermark() throws IOException {
    Instant old = Instant.now().minus(Duration.ofHours(2));
    writeCase("MD-20260101-AAAAA", "拖欠工资纠纷", old, null);
    writeCase("MD-20260101-BBBBB", "邻里噪音纠纷", old.plusSeconds(1), "2026-03-01T00:00:00Z");
    es.index(i -> i.index(indices.events()).id("MD-20260101-AAAAA:e1").document(Map.of("id", "MD-20260101-AAAAA:e1",
        "caseId", "MD-20260101-AAAAA", "at", old.toString(), "type", "NOTE",
        "summary", "调解员电话联系申请人 13812345678，约定面谈")).refresh(Refresh.True));
    es.indices().refresh(r -> r.index(indices.cases()));

    CaseSearchProjector first = CaseSearchProjector.standalone(es, indices, projection, Duration.ofSeconds(60));
    assertThat(first.watermark()).isEqualTo(Instant.EPOCH);
    assertThat(first.sweep()).isEqualTo(2);
    es.indices().refresh(r -> r.index(indices.caseSearch()));
    ObjectNode wage = doc("MD-20260101-AAAAA");
    assertThat(wage.get("text").asText()).contains("约定面谈").doesNotContain("13812345678").doesNotContain("5678");
    assertThat(wage.get("year").asInt()).isEqualTo(2026);
    assertThat(wage.get("archived").asBoolean()).isFalse();
    assertThat(wage.get("partyIdHashes").get(0).asText()).isEqualTo("hash-id-1");
    assertThat(wage.get("kpi").get("resolved").asBoolean()).isFalse();
    assertThat(wage.get("nextDue").asText()).isEqualTo("2026-02-01T16:00:00Z");
    assertThat(doc("MD-20260101-BBBBB").get("archived").asBoolean()).isTrue();
    assertThat(first.watermark()).isEqualTo(old.plusSeconds(1));

    // "crash": a new instance, and changes made while none ran
    // ten seconds ago: past the settling time, so the next sweep leaves it alone
    Instant later = Instant.now().minusSeconds(10);
    writeCase("MD-20260101-CCCCC", "土地承包经营权纠纷", later, null);
    es.indices().refresh(r -> r.index(indices.cases()));
    CaseSearchProjector second = CaseSearchProjector.standalone(es, indices, projection, Duration.ofSeconds(60));
    // only the new case: the old ones lie before the watermark minus the margin
    assertThat(second.sweep()).isEqualTo(1);
    es.indices().refresh(r -> r.index(indices.caseSearch()));
    assertThat(doc("MD-20260101-CCCCC").get("title").asText()).isEqualTo("土地承包经营权纠纷");
    assertThat(second.watermark()).isEqualTo(later);
    // a sweep with nothing new re-reads the margin but writes nothing already settled
    assertThat(second.sweep()).isZero();
  }

  private ObjectNode doc(String id) throws IOException {
    return es.get(g -> g.index(indices.caseSearch()).id(id), ObjectNode.class).source();
  }

  private void writeCase(String id, String title, Instant changed, String archivedAt) throws IOException {
    Map<String, Object> file = new HashMap<>();
    file.put("id", id);
    file.put("kind", "mediation");
    file.put("title", title);
    file.put("description", title + "，双方协商未果。");
    file.put("category", "labour");
    file.put("status", archivedAt == null ? "OPEN" : "CLOSED");
    file.put("unitCode", "440306001001");
    file.put("unitPath", List.of("440306000000", "440306001000", "440306001001"));
    file.put("created", "2026-01-01T02:00:00Z");
    file.put("changed", changed.toString());
    file.put("parties", List.of(Map.of("name", "王小明", "role", "applicant", "idMasked", "440306********1234",
        "idHash", "hash-id-1", "phoneMasked", "138****5678", "phoneHash", "hash-phone-1")));
    file.put("clocks", List.of(
        Map.of("id", "mediation", "start", "2026-01-01T02:00:00Z", "warnAt", "2026-01-25T16:00:00Z",
            "due", "2026-02-01T16:00:00Z", "state", "RUNNING"),
        Map.of("id", "paused", "start", "2026-01-01T02:00:00Z", "due", "2026-01-10T16:00:00Z", "state", "PAUSED")));
    if (archivedAt != null) {
      file.put("archivedAt", archivedAt);
    }
    es.index(i -> i.index(indices.cases()).id(id).document(file));
  }
}
