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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiefen.pii.Masking;
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
  private final CaseRepository cases;

  CaseTimeline(ElasticsearchClient es, Indices indices, Clock clock, CaseRepository cases) {
    this.es = es;
    this.indices = indices;
    this.clock = clock;
    this.cases = cases;
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

  /**
   * Makes every event written so far visible to searches (an index refresh): for the rare case in
   * which no later write waits for one, such as a registration whose process could not start.
   */
  void makeVisible() {
    unchecked(() -> es.indices().refresh(r -> r.index(indices.events())));
  }

  /**
   * As {@link #recordUnseen}, with data kept on the event (masked as task records are): what
   * intake recorded beside the summary, e.g. a petition's visit record.
   */
  void recordUnseen(
      String caseId, String key, String type, String summary, String actor, String unitCode, Map<String, ?> data) {
    write(caseId, key, type, summary, actor, unitCode, data, Refresh.False);
  }

  private void write(
      String caseId, String key, String type, String summary, String actor, String unitCode, Refresh refresh) {
    write(caseId, key, type, summary, actor, unitCode, null, refresh);
  }

  private void write(String caseId, String key, String type, String summary, String actor, String unitCode,
      Map<String, ?> data, Refresh refresh) {
    String id = caseId + ":" + key;
    @SuppressWarnings("unchecked")
    Map<String, Object> kept = data == null ? null : (Map<String, Object>) masked(data);
    CaseEvent event =
        new CaseEvent(id, caseId, clock.instant(), type, summary, actor, unitCode, null, null, null, kept);
    // The case's search document holds its timeline's text: stamp the case first, so a crash
    // between the two writes leaves at worst a stamp without an event (the projection is redone
    // for nothing), never an event the projection does not hear of.
    cases.touch(caseId);
    // a second write of the same key is a 409: the event is there already
    org.jiefen.search.Documents.unlessConflict(
        () -> es.create(c -> c.index(indices.events()).id(id).document(event).refresh(refresh)));
  }

  /**
   * Keeps in the case file what a user recorded when completing a task: a {@link
   * CaseEvent#TASK_RECORD} event under the key {@code task-<taskId>-record}, with every string in
   * {@code data} masked ({@link Masking#maskText}), so no ID or phone number is stored in clear.
   * Written before the engine hears of the completion, and visible to searches when this returns.
   *
   * <p>Unlike other events a second record of the same task replaces the first: a task completes
   * once, and if the engine refused an earlier attempt, the submission that follows is the one
   * that counts.
   */
  public CaseEvent recordTask(
      String caseId,
      String taskId,
      String elementId,
      String formId,
      String summary,
      String actor,
      String unitCode,
      Map<String, ?> data) {
    String id = caseId + ":task-" + taskId + "-record";
    @SuppressWarnings("unchecked")
    Map<String, Object> masked = (Map<String, Object>) masked(data == null ? Map.of() : data);
    CaseEvent event =
        new CaseEvent(
            id, caseId, clock.instant(), CaseEvent.TASK_RECORD, summary, actor, unitCode, elementId, taskId, formId, masked);
    cases.touch(caseId);
    unchecked(() -> es.index(i -> i.index(indices.events()).id(id).document(event).refresh(Refresh.WaitFor)));
    return event;
  }

  /**
   * The most recent {@link CaseEvent#TASK_RECORD} of a BPMN element in a case: what the user
   * recorded the last time a task of that element completed (e.g. the terms of an agreement).
   * Job workers that follow a user task read its record here; it is written before the task's
   * completion reaches the engine, so a job after the task always finds it.
   */
  public Optional<CaseEvent> latestRecord(String caseId, String elementId) {
    List<CaseEvent> found =
        sources(
            unchecked(
                () ->
                    es.search(
                        s ->
                            s.index(indices.events())
                                .size(1)
                                .query(
                                    q ->
                                        q.bool(
                                            b ->
                                                b.filter(f -> f.term(t -> t.field("caseId").value(caseId)))
                                                    .filter(f -> f.term(t -> t.field("type").value(CaseEvent.TASK_RECORD)))
                                                    .filter(f -> f.term(t -> t.field("elementId").value(elementId)))))
                                .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                                // task keys grow with time: the later task wins a tie on the clock
                                .sort(o -> o.field(f -> f.field("taskId").order(SortOrder.Desc))),
                        CaseEvent.class)));
    return found.stream().findFirst();
  }

  private static Object masked(Object value) {
    return switch (value) {
      case String s -> Masking.maskText(s);
      case Map<?, ?> map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), masked(v)));
        yield out;
      }
      case List<?> list -> {
        List<Object> out = new ArrayList<>(list.size());
        list.forEach(v -> out.add(masked(v)));
        yield out;
      }
      case null, default -> value;
    };
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
