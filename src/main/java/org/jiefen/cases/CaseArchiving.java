package org.jiefen.cases;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * What the archive ({@code org.jiefen.archive}) may do with case files: read a closed file and its
 * timeline, mark it archived (once: a second mark changes nothing), find closed files the archive
 * has not taken yet, and, after an administrator decided to destroy an expired record, remove the
 * personal data from the file.
 */
@Service
public class CaseArchiving {

  /** The timeline event that says the archive took the file. */
  public static final String CASE_ARCHIVED = "CASE_ARCHIVED";

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final ElasticsearchClient es;
  private final Indices indices;

  CaseArchiving(CaseRepository cases, CaseTimeline timeline, ElasticsearchClient es, Indices indices) {
    this.cases = cases;
    this.timeline = timeline;
    this.es = es;
    this.indices = indices;
  }

  /** Whether the file is closed (only closed files are archived). */
  public static boolean closed(CaseFile file) {
    return CaseStatus.CLOSED.equals(file.status());
  }

  public Optional<CaseFile> file(String caseId) {
    return cases.find(caseId);
  }

  /** The case's timeline, oldest first, without the archive's own event (so a re-run sees what the first saw). */
  public List<CaseEvent> timeline(String caseId) {
    return timeline.of(caseId).stream().filter(e -> !CASE_ARCHIVED.equals(e.type())).toList();
  }

  /**
   * Sets {@code archivedAt} unless the file has it, and records {@link #CASE_ARCHIVED} once.
   * Answers true only for the call that set it (concurrent callers: one wins, under optimistic
   * concurrency), so the caller audits the archiving once.
   */
  public boolean markArchived(String caseId, Instant archivedAt, String summary) {
    // the event first (keyed: recorded once however often this runs), so a reader who sees
    // archivedAt sees the event too
    timeline.record(caseId, "archived", CASE_ARCHIVED, summary, "system", null);
    AtomicBoolean set = new AtomicBoolean();
    cases.modify(caseId, file -> {
      set.set(file.archivedAt() == null);
      return file.archivedAt() == null ? Map.of("archivedAt", archivedAt.toString()) : Map.of();
    });
    return set.get();
  }

  /** Up to {@code max} ids of closed files without {@code archivedAt}, oldest closing first. */
  public List<String> closedNotArchived(int max) {
    return sources(unchecked(() -> es.search(s -> s.index(indices.cases())
            .size(max)
            .source(src -> src.filter(f -> f.includes("id")))
            .query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("status").value(CaseStatus.CLOSED)))
                .mustNot(m -> m.exists(e -> e.field("archivedAt")))))
            .sort(o -> o.field(f -> f.field("closed").order(SortOrder.Asc).missing("_first"))),
        CaseFile.class)))
        .stream().map(CaseFile::id).toList();
  }

  /** Whether a case other than {@code caseId} lists a document or evidence file with these bytes. */
  public boolean usedElsewhere(String caseId, String sha256) {
    return unchecked(() -> es.count(c -> c.index(indices.cases()).query(q -> q.bool(b -> b
        .mustNot(m -> m.ids(i -> i.values(caseId)))
        .should(x -> x.term(t -> t.field("documents.sha256").value(sha256)))
        .should(x -> x.term(t -> t.field("evidence.sha256").value(sha256)))
        .minimumShouldMatch("1"))))).count() > 0;
  }

  /**
   * Removes the personal data from a destroyed record's file: the parties, the agreement (which
   * names them), and the lists of documents and evidence, whose bytes are gone from the store.
   * What stays is what the destruction register needs: number, kind, category, unit, dates, outcome.
   */
  public void stripPersonalData(String caseId) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("parties", List.of());
    fields.put("agreement", null);
    fields.put("documents", List.of());
    fields.put("evidence", List.of());
    cases.update(caseId, fields);
  }
}
