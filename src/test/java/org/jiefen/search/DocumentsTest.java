package org.jiefen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Version conflicts on the real node, in the forms the client gives them. */
class DocumentsTest {

  private final ElasticsearchClient es = TestElasticsearch.client();
  private final String index = "documents-test-" + System.nanoTime();

  @Test
  void aSecondCreateOfTheSameIdIsAConflictNotAnError() {
    Map<String, Object> doc = Map.of("n", 1);
    assertThat(Documents.unlessConflict(() -> es.create(c -> c.index(index).id("a").document(doc)))).isTrue();
    assertThat(Documents.unlessConflict(() -> es.create(c -> c.index(index).id("a").document(doc)))).isFalse();
  }

  @Test
  void aStaleSequenceNumberIsAConflict() {
    var first = Documents.unchecked(() -> es.index(i -> i.index(index).id("b").document(Map.of("n", 1))));
    Documents.unchecked(() -> es.index(i -> i.index(index).id("b").document(Map.of("n", 2))));
    assertThat(Documents.unlessConflict(() -> es.index(i -> i.index(index).id("b").document(Map.of("n", 3))
        .ifSeqNo(first.seqNo()).ifPrimaryTerm(first.primaryTerm())))).isFalse();
  }

  @Test
  void otherFailuresStillFail() {
    assertThatThrownBy(() -> Documents.unlessConflict(
            () -> es.index(i -> i.index("Upper-Case-Is-Invalid").id("c").document(Map.of("n", 1)))))
        .isInstanceOf(RuntimeException.class);
  }
}
