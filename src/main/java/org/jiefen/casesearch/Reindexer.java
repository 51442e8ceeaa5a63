package org.jiefen.casesearch;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jiefen.search.IndexTemplates;
import org.jiefen.search.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the search index without downtime: a new concrete index is filled from the archive
 * (archived cases: the record's {@code file} and {@code timeline}) and from the cases index (cases
 * not archived), while searches and the projector keep using the old one behind the alias; then the
 * alias is swapped to the new index in one atomic step, the changes made since the rebuild began
 * are projected again (the change feed from the start instant minus the margin), and the old index
 * is deleted. One rebuild at a time.
 */
@Component
public class Reindexer {

  private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
  private static final int BATCH = 500;

  /** Where a rebuild stands. {@code state}: IDLE, RUNNING, DONE or FAILED. */
  public record Status(String state, String index, Instant started, Instant finished, long archived, long open,
      long caughtUp, String error) {
    static final Status IDLE = new Status("IDLE", null, null, null, 0, 0, 0, null);

    public boolean running() {
      return "RUNNING".equals(state);
    }
  }

  private final ElasticsearchClient es;
  private final Indices indices;
  private final CaseSearchWriter writer;
  private final CaseSearchProjector projector;
  private final Duration margin;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "case-search-reindex");
    t.setDaemon(true);
    return t;
  });
  private volatile Status status = Status.IDLE;
  private volatile Runnable beforeSwap = () -> {};

  Reindexer(ElasticsearchClient es, Indices indices, CaseSearchWriter writer, CaseSearchProjector projector,
      @Value("${jiefen.search.margin:60s}") Duration margin) {
    this.es = es;
    this.indices = indices;
    this.writer = writer;
    this.projector = projector;
    this.margin = margin;
  }

  public Status status() {
    return status;
  }

  /** Starts a rebuild in the background; false when one is running already. */
  public synchronized boolean start() {
    if (status.running()) {
      return false;
    }
    status = new Status("RUNNING", null, Instant.now(), null, 0, 0, 0, null);
    executor.submit(this::run);
    return true;
  }

  /** Runs a rebuild in the calling thread and answers how it ended. */
  public Status rebuild() {
    synchronized (this) {
      if (status.running()) {
        throw new IllegalStateException("a rebuild is running");
      }
      status = new Status("RUNNING", null, Instant.now(), null, 0, 0, 0, null);
    }
    run();
    return status;
  }

  /** For tests: runs after the new index is built and before the alias swaps (e.g. to search meanwhile). */
  public void beforeSwap(Runnable hook) {
    this.beforeSwap = hook == null ? () -> {} : hook;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  private void run() {
    Instant started = status.started();
    String alias = indices.caseSearch();
    String index = IndexTemplates.concreteName(alias);
    try {
      List<String> old = List.copyOf(unchecked(() -> es.indices().getAlias(a -> a.name(alias))).result().keySet());
      // no refresh while filling: the index is not searched before the swap
      unchecked(() -> es.indices().create(c -> c.index(index).settings(s -> s.refreshInterval(Time.of(t -> t.time("-1"))))));
      status = new Status("RUNNING", index, started, null, 0, 0, 0, null);
      long archived = copy(indices.archive(), Query.of(q -> q.matchAll(m -> m)), index, writer::fromArchiveRecord,
          n -> status = new Status("RUNNING", index, started, null, n, 0, 0, null));
      long open = copy(indices.cases(), Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("archivedAt"))))),
          index, writer::fromCaseFile, n -> status = new Status("RUNNING", index, started, null, archived, n, 0, null));
      unchecked(() -> es.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(Time.of(t -> t.time("1s"))))));
      unchecked(() -> es.indices().refresh(r -> r.index(index)));
      beforeSwap.run();
      unchecked(() -> es.indices().updateAliases(u -> {
        for (String o : old) {
          u.actions(a -> a.remove(x -> x.index(o).alias(alias)));
        }
        return u.actions(a -> a.add(x -> x.index(index).alias(alias)));
      }));
      // writes made before the swap must be visible to the catch-up's search
      unchecked(() -> es.indices().refresh(r -> r.index(indices.cases())));
      long caughtUp = projector.catchUp(started.minus(margin));
      for (String o : old) {
        unchecked(() -> es.indices().delete(d -> d.index(o)));
      }
      status = new Status("DONE", index, started, Instant.now(), archived, open, caughtUp, null);
      log.info("case search index rebuilt as {}: {} archived, {} open, {} caught up", index, archived, open, caughtUp);
    } catch (RuntimeException e) {
      log.error("case search rebuild failed; searches keep the old index", e);
      status = new Status("FAILED", index, started, Instant.now(), status.archived(), status.open(), 0, e.toString());
      try {
        boolean swapped = unchecked(() -> es.indices().getAlias(a -> a.name(alias))).result().containsKey(index);
        if (!swapped && unchecked(() -> es.indices().exists(x -> x.index(index))).value()) {
          unchecked(() -> es.indices().delete(d -> d.index(index)));
        }
      } catch (RuntimeException cleanup) {
        log.warn("could not remove the unfinished index {}: {}", index, cleanup.toString());
      }
    }
  }

  /** Copies every document of {@code source} matching {@code query} into {@code index}, in a point in time. */
  private long copy(String source, Query query, String index, Function<ObjectNode, CaseSearchWriter.Source> read,
      java.util.function.LongConsumer progress) {
    if (!unchecked(() -> es.indices().exists(e -> e.index(source))).value()) {
      return 0;
    }
    String pit = unchecked(() -> es.openPointInTime(p -> p.index(source).keepAlive(k -> k.time("5m")))).id();
    long count = 0;
    try {
      List<FieldValue> after = null;
      while (true) {
        List<FieldValue> cursor = after;
        var response = unchecked(() -> es.search(s -> {
          s.size(BATCH).trackTotalHits(t -> t.enabled(false))
              .pit(p -> p.id(pit).keepAlive(k -> k.time("5m")))
              .query(query)
              .sort(o -> o.field(f -> f.field("_shard_doc")));
          if (cursor != null) {
            s.searchAfter(cursor);
          }
          return s;
        }, ObjectNode.class));
        var hits = response.hits().hits();
        List<CaseSearchWriter.Source> batch = new ArrayList<>();
        for (var hit : hits) {
          if (hit.source() != null) {
            var one = read.apply(hit.source());
            if (one != null) {
              batch.add(one);
            }
          }
        }
        var result = writer.write(index, batch);
        if (!result.failed().isEmpty()) {
          throw new IllegalStateException(result.failed().size() + " search documents could not be written");
        }
        count += result.written();
        progress.accept(count);
        if (hits.size() < BATCH) {
          return count;
        }
        after = hits.getLast().sort();
      }
    } finally {
      try {
        unchecked(() -> es.closePointInTime(c -> c.id(pit)));
      } catch (RuntimeException e) {
        log.debug("point in time not closed: {}", e.toString());
      }
    }
  }
}
