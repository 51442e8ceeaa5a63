package org.jiefen.cases;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * Appends events to case timelines. Events live in their own index, one document each, so
 * concurrent writers never conflict; the key makes a retried write land on the same document.
 */
@Service
public class CaseTimeline {

  private final ElasticsearchClient es;
  private final Indices indices;
  private final Clock clock;

  CaseTimeline(ElasticsearchClient es, Indices indices, Clock clock) {
    this.es = es;
    this.indices = indices;
    this.clock = clock;
  }

  /**
   * Records an event once per (case, key); a second call with the same key is ignored. Returns
   * when the event is visible to searches, so a timeline read afterwards includes it.
   */
  public void record(String caseId, String key, String type, String summary, String actor, String unitCode) {
    write(caseId, key, type, summary, actor, unitCode, Refresh.WaitFor);
  }

  /** As {@link #record}, without waiting for visibility: for an event followed by another that waits. */
  void recordUnseen(String caseId, String key, String type, String summary, String actor, String unitCode) {
    write(caseId, key, type, summary, actor, unitCode, Refresh.False);
  }

  private void write(
      String caseId, String key, String type, String summary, String actor, String unitCode, Refresh refresh) {
    String id = caseId + ":" + key;
    CaseEvent event = new CaseEvent(id, caseId, clock.instant(), type, summary, actor, unitCode);
    try {
      es.create(c -> c.index(indices.events()).id(id).document(event).refresh(refresh));
    } catch (ElasticsearchException e) {
      if (e.status() != 409) {
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<CaseEvent> of(String caseId) {
    return sources(
        unchecked(
            () ->
                es.search(
                    s ->
                        s.index(indices.events())
                            .size(1000)
                            .query(q -> q.term(t -> t.field("caseId").value(caseId)))
                            .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc))),
                    CaseEvent.class)));
  }
}
