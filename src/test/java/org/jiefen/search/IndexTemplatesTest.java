package org.jiefen.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndexTemplatesTest {

  static final ElasticsearchProperties PROPS = TestElasticsearch.properties("templates-it");
  static ElasticsearchClient client;

  @BeforeAll
  static void applyTwice() throws Exception {
    client = TestElasticsearch.client();
    IndexTemplates templates = new IndexTemplates(client, PROPS);
    templates.apply();
    templates.apply();
  }

  @Test
  void templatesAndIndicesExist() throws Exception {
    assertThat(client.cluster().existsComponentTemplate(c -> c.name("templates-it-analysis")).value()).isTrue();
    for (SearchIndex index : SearchIndex.values()) {
      String name = PROPS.index(index);
      assertThat(client.indices().existsIndexTemplate(t -> t.name(name)).value()).as(name).isTrue();
      assertThat(client.indices().exists(e -> e.index(name)).value()).as(name).isTrue();
    }
    var settings = client.indices().getSettings(s -> s.index("templates-it-cases")).get("templates-it-cases")
        .settings().index();
    assertThat(settings.numberOfShards()).isEqualTo("1");
    assertThat(settings.numberOfReplicas()).isEqualTo("0");
    var mapping = client.indices().getMapping(m -> m.index("templates-it-cases")).get("templates-it-cases")
        .mappings();
    assertThat(mapping.properties().get("parties").isNested()).isTrue();
    assertThat(mapping.properties().get("title").text().analyzer()).isEqualTo("zh");
  }

  @Test
  void zhAnalyzerMakesBigrams() throws Exception {
    var tokens = client.indices().analyze(a -> a.index("templates-it-cases").analyzer("zh").text("拖欠工资纠纷"))
        .tokens().stream().map(AnalyzeToken::token).toList();
    assertThat(tokens).containsExactly("拖欠", "欠工", "工资", "资纠", "纠纷");
  }

  @Test
  void matchOnTitleFindsTheWageCaseOnly() throws Exception {
    String index = PROPS.index(SearchIndex.CASES);
    index(index, "wage", "张三拖欠工资纠纷");
    index(index, "noise", "邻里噪音纠纷");

    var hits = client.search(s -> s.index(index).query(q -> q.match(m -> m.field("title").query("工资"))), Map.class)
        .hits().hits().stream().map(h -> h.id()).toList();

    assertThat(hits).containsExactly("wage");
  }

  private static void index(String index, String id, String title) throws Exception {
    client.index(i -> i.index(index).id(id).refresh(Refresh.WaitFor)
        .document(Map.of("id", id, "title", title, "created", OffsetDateTime.now(), "unitPath", List.of("44", "4403"))));
  }
}
