package org.jiefen.casesearch;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jiefen.cases.CaseWritten;
import org.jiefen.search.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index current with the case files: a change feed on the cases index's
 * {@code changed} stamp (wall clock, set by every write, see CaseRepository).
 *
 * <p><b>Sweep.</b> Every {@code jiefen.search.sweep-interval} it projects the cases whose
 * {@code changed} is at or after the watermark minus a margin, paging with search_after, one
 * events search and one bulk request per batch. The watermark is the newest {@code changed}
 * already in the search index, so the projector keeps no state of its own: after a restart or a
 * crash a new instance resumes where the index stands, and re-projecting a case is harmless. The
 * margin covers writes not yet visible to searches when an earlier sweep ran (index refresh,
 * clocks of other instances); a case whose search document already has the same {@code changed}
 * and was projected well after it is skipped, so a sweep costs little when nothing moves.
 *
 * <p><b>Right away.</b> After a case write in this process ({@link CaseWritten}) the case is
 * projected within about 100 ms (batched; real-time get of the files).
 *
 * <p>Elasticsearch down: a sweep fails, logs, and the next one tries again; nothing is lost,
 * because the watermark moves only with documents actually written.
 */
@Component
public class CaseSearchProjector {

  private static final Logger log = LoggerFactory.getLogger(CaseSearchProjector.class);
  private static final int BATCH = 200;
  // A search document projected this long after its source's stamp saw every write of that stamp.
  private static final Duration SETTLED = Duration.ofSeconds(5);

  private final ElasticsearchClient es;
  private final Indices indices;
  private final CaseSearchWriter writer;
  private final Duration interval;
  private final Duration margin;
  private final boolean enabled;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong projectedCount = new AtomicLong();
  private volatile Instant floor;
  private volatile boolean warned;
  // The right-away path waits until a sweep has completed: a document it writes moves the
  // watermark, which must not jump over changes an unfinished sweep has not projected yet.
  private volatile boolean caughtUp;
  private ScheduledExecutorService executor;

  CaseSearchProjector(
      ElasticsearchClient es,
      Indices indices,
      CaseSearchWriter writer,
      @Value("${jiefen.search.sweep-interval:2s}") Duration interval,
      @Value("${jiefen.search.margin:60s}") Duration margin,
      @Value("${jiefen.search.projector-enabled:true}") boolean enabled) {
    this.es = es;
    this.indices = indices;
    this.writer = writer;
    this.interval = interval;
    this.margin = margin;
    this.enabled = enabled;
  }

  /** A projector of its own (not scheduled): for tests that restart it, and for tools. */
  public static CaseSearchProjector standalone(ElasticsearchClient es, Indices indices, CaseSearchProjection projection,
      Duration margin) {
    return new CaseSearchProjector(es, indices, new CaseSearchWriter(es, indices, projection), Duration.ofDays(1),
        margin, false);
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    if (!enabled) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "case-search-projector");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(this::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    executor.scheduleWithFixedDelay(this::flushQuietly, 100, 100, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  @EventListener
  void on(CaseWritten written) {
    if (enabled) {
      pending.add(written.caseId());
    }
  }

  /** How many search documents this instance has written (for tests and the log). */
  public long projectedCount() {
    return projectedCount.get();
  }

  /** The newest {@code changed} in the search index; the epoch when it has none. */
  public Instant watermark() {
    var response = unchecked(() -> es.search(s -> s.index(indices.caseSearch()).size(1)
        .trackTotalHits(t -> t.enabled(false))
        .source(src -> src.filter(f -> f.includes("changed")))
        .query(q -> q.exists(e -> e.field("changed")))
        .sort(o -> o.field(f -> f.field("changed").order(SortOrder.Desc))), ObjectNode.class));
    return response.hits().hits().stream().findFirst()
        .map(h -> h.source() == null ? null : h.source().get("changed"))
        .map(v -> Instant.parse(v.asText()))
        .orElse(Instant.EPOCH);
  }

  /** One sweep: projects every case changed since the watermark (minus the margin). Answers how many it wrote. */
  public synchronized int sweep() {
    Instant mark = watermark();
    Instant from = mark.equals(Instant.EPOCH) ? Instant.EPOCH : mark.minus(margin);
    Instant lowest = floor;
    if (lowest != null && lowest.isBefore(from)) {
      from = lowest;
    }
    int written = catchUp(from);
    if (lowest != null && lowest.equals(floor)) {
      floor = null;
    }
    return written;
  }

  /** Projects every case whose {@code changed} is at or after {@code from} into the alias. */
  public synchronized int catchUp(Instant from) {
    int written = 0;
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> cursor = after;
      var response = unchecked(() -> es.search(s -> {
        s.index(indices.cases()).size(BATCH).trackTotalHits(t -> t.enabled(false))
            .query(q -> q.range(r -> r.date(d -> d.field("changed").gte(from.toString()))))
            .sort(o -> o.field(f -> f.field("changed").order(SortOrder.Asc)))
            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        if (cursor != null) {
          s.searchAfter(cursor);
        }
        return s;
      }, ObjectNode.class));
      var hits = response.hits().hits();
      List<CaseSearchWriter.Source> sources = new ArrayList<>();
      for (var hit : hits) {
        if (hit.source() != null) {
          sources.add(writer.fromCaseFile(hit.source()));
        }
      }
      written += write(unchanged(sources));
      if (hits.size() < BATCH) {
        return written;
      }
      after = hits.getLast().sort();
    }
  }

  /** Projects these cases now (real-time reads of their files). */
  public synchronized int project(java.util.Collection<String> caseIds) {
    if (caseIds.isEmpty()) {
      return 0;
    }
    var response = unchecked(() -> es.mget(m -> m.index(indices.cases()).ids(List.copyOf(caseIds)), ObjectNode.class));
    List<CaseSearchWriter.Source> sources = new ArrayList<>();
    for (var doc : response.docs()) {
      if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
        sources.add(writer.fromCaseFile(doc.result().source()));
      }
    }
    return write(sources);
  }

  private int write(List<CaseSearchWriter.Source> sources) {
    var result = writer.write(indices.caseSearch(), sources);
    if (!result.failed().isEmpty()) {
      // keep the oldest stamp that failed, so the next sweep starts no later than it
      sources.stream().filter(s -> result.failed().contains(s.file().id()) && s.changed() != null)
          .map(CaseSearchWriter.Source::changed).min(Instant::compareTo)
          .ifPresent(min -> floor = floor == null || min.isBefore(floor) ? min : floor);
    }
    projectedCount.addAndGet(result.written());
    return result.written();
  }

  /** The sources whose search document is not already as current as they are. */
  private List<CaseSearchWriter.Source> unchanged(List<CaseSearchWriter.Source> sources) {
    if (sources.isEmpty()) {
      return sources;
    }
    List<String> ids = sources.stream().map(s -> s.file().id()).toList();
    var response = unchecked(() -> es.mget(m -> m.index(indices.caseSearch()).ids(ids)
        .sourceIncludes("changed", "projected"), ObjectNode.class));
    Map<String, ObjectNode> current = new HashMap<>();
    for (var doc : response.docs()) {
      if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
        current.put(doc.result().id(), doc.result().source());
      }
    }
    return sources.stream().filter(s -> !settled(current.get(s.file().id()), s.changed())).toList();
  }

  private static boolean settled(ObjectNode doc, Instant changed) {
    if (doc == null || changed == null || doc.get("changed") == null || doc.get("projected") == null) {
      return false;
    }
    try {
      return Instant.parse(doc.get("changed").asText()).equals(changed)
          && !Instant.parse(doc.get("projected").asText()).isBefore(changed.plus(SETTLED));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void sweepQuietly() {
    try {
      int written = sweep();
      caughtUp = true;
      if (warned) {
        log.info("case search projection resumed");
        warned = false;
      }
      if (written > 0) {
        log.debug("case search sweep wrote {} documents", written);
      }
    } catch (RuntimeException | Error e) {
      // an Error too: a periodic task that throws is never run again
      caughtUp = false;
      if (!warned) {
        log.warn("case search sweep failed, trying again in {}: {}", interval, e.toString());
        warned = true;
      }
    }
  }

  private void flushQuietly() {
    if (pending.isEmpty() || !caughtUp) {
      return;
    }
    List<String> ids = new ArrayList<>(pending);
    pending.removeAll(ids);
    try {
      project(ids);
    } catch (RuntimeException | Error e) {
      // the sweep will pick them up from the change feed
      caughtUp = false;
      log.debug("case search projection of {} cases deferred to the sweep: {}", ids.size(), e.toString());
    }
  }
}
