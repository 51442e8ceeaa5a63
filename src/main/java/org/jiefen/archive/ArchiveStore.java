package org.jiefen.archive;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.IndexTemplates;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

/** Archive records in Elasticsearch, one per case under the case id: writing one again replaces it. */
@Repository
class ArchiveStore {

  /** A page of records and how many there are in all. */
  record Page(List<ArchiveRecord> records, long total) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  // IndexTemplates is taken so the index exists before the first write.
  ArchiveStore(ElasticsearchClient es, Indices indices, IndexTemplates ready) {
    this.es = es;
    this.indices = indices;
  }

  Optional<ArchiveRecord> find(String caseId) {
    return Documents.find(es, indices.archive(), caseId, ArchiveRecord.class);
  }

  /** Writes the record under its case id, visible to searches when this returns. */
  void put(ArchiveRecord record) {
    unchecked(() -> es.index(i -> i.index(indices.archive()).id(record.caseId()).document(record)
        .refresh(Refresh.WaitFor)));
  }

  /**
   * Records whose retention ended before {@code today} (the last day kept is past) and that were
   * not destroyed, the longest expired first; without the stored file and timeline.
   */
  Page expired(LocalDate today, int from, int size) {
    var response = unchecked(() -> es.search(s -> s.index(indices.archive())
            .from(from)
            .size(size)
            .trackTotalHits(t -> t.enabled(true))
            .source(src -> src.filter(f -> f.excludes("file", "timeline")))
            .query(q -> q.bool(b -> b
                .filter(f -> f.range(r -> r.date(d -> d.field("retention.expiresOn").lt(today.toString()))))
                .mustNot(m -> m.term(t -> t.field("disposition.state").value(ArchiveRecord.DESTROYED)))))
            .sort(o -> o.field(f -> f.field("retention.expiresOn").order(SortOrder.Asc)))
            .sort(o -> o.field(f -> f.field("caseId").order(SortOrder.Asc))),
        ArchiveRecord.class));
    long total = response.hits().total() == null ? 0 : response.hits().total().value();
    return new Page(response.hits().hits().stream().map(Hit::source).toList(), total);
  }
}
