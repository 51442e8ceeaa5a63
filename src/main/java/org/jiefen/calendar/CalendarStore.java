package org.jiefen.calendar;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

/** Years of the calendar in Elasticsearch, one document per year, the year as id. */
@Repository
class CalendarStore {

  private final ElasticsearchClient es;
  private final Indices indices;

  CalendarStore(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  // Writes are rare (a seed at first start, an administrator's upload) and are read back at once by a
  // search, so they refresh the shard themselves instead of waiting up to a refresh interval.

  /** Stores the year unless the index has it (another instance seeded it, or an administrator loaded it). */
  boolean createIfAbsent(CalendarYear year) {
    return Documents.unlessConflict(() -> es.create(
        c -> c.index(indices.calendar()).id(Integer.toString(year.year())).document(year).refresh(Refresh.True)));
  }

  /** Replaces the year, visible to searches when this returns. */
  void put(CalendarYear year) {
    unchecked(() -> es.index(
        i -> i.index(indices.calendar()).id(Integer.toString(year.year())).document(year).refresh(Refresh.True)));
  }

  Optional<CalendarYear> find(int year) {
    return Documents.find(es, indices.calendar(), Integer.toString(year), CalendarYear.class);
  }

  List<CalendarYear> all() {
    return sources(unchecked(() -> es.search(
        s -> s.index(indices.calendar()).size(1000).sort(o -> o.field(f -> f.field("year").order(SortOrder.Asc))),
        CalendarYear.class)));
  }
}
