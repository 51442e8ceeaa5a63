package org.jiefen.casesearch;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;
import org.jiefen.search.Indices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns stored case files (as JSON, so fields the record does not know yet, such as
 * {@code archivedAt} and {@code changed}, are read too) into search documents and bulk-writes them:
 * one events search per batch for the timelines, one bulk request per batch.
 */
@Component
class CaseSearchWriter {

  private static final Logger log = LoggerFactory.getLogger(CaseSearchWriter.class);
  private static final int EVENTS_PAGE = 5_000;

  /** A stored case: its file, its timeline if already known (archive records), and its stamps. */
  record Source(CaseFile file, List<CaseEvent> timeline, Instant archivedAt, Instant changed) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  private final CaseSearchProjection projection;
  private final ObjectMapper mapper;

  CaseSearchWriter(ElasticsearchClient es, Indices indices, CaseSearchProjection projection) {
    this.es = es;
    this.indices = indices;
    this.projection = projection;
    this.mapper = ((JacksonJsonpMapper) es._jsonpMapper()).objectMapper();
  }

  /** A case file as stored in the cases index. */
  Source fromCaseFile(ObjectNode json) {
    CaseFile file = unchecked(() -> mapper.treeToValue(json, CaseFile.class));
    return new Source(file, null, instant(json, "archivedAt"), instant(json, "changed"));
  }

  /** An archive record (its {@code file} and {@code timeline}); null when it has no file. */
  Source fromArchiveRecord(ObjectNode json) {
    if (!(json.get("file") instanceof ObjectNode fileJson)) {
      return null;
    }
    CaseFile file = unchecked(() -> mapper.treeToValue(fileJson, CaseFile.class));
    List<CaseEvent> timeline = new ArrayList<>();
    if (json.get("timeline") != null && json.get("timeline").isArray()) {
      for (var event : json.get("timeline")) {
        timeline.add(unchecked(() -> mapper.treeToValue(event, CaseEvent.class)));
      }
    }
    Instant archivedAt = instant(json, "archivedAt");
    if (archivedAt == null) {
      archivedAt = instant(fileJson, "archivedAt");
    }
    Instant changed = instant(fileJson, "changed");
    return new Source(file, timeline, archivedAt == null ? Instant.EPOCH : archivedAt,
        changed == null ? archivedAt : changed);
  }

  /** Projects the cases (fetching the timelines of those without one) and bulk-indexes them into {@code index}. */
  Result write(String index, List<Source> sources) {
    if (sources.isEmpty()) {
      return new Result(0, List.of());
    }
    List<String> need = sources.stream().filter(s -> s.timeline() == null).map(s -> s.file().id()).toList();
    Map<String, List<CaseEvent>> timelines = timelines(need);
    String projected = Instant.now().toString();
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Source source : sources) {
      List<CaseEvent> timeline = source.timeline() != null ? source.timeline()
          : timelines.getOrDefault(source.file().id(), List.of());
      Map<String, Object> doc = projection.project(source.file(), timeline, source.archivedAt(), source.changed());
      doc.put("projected", projected);
      bulk.operations(o -> o.index(i -> i.index(index).id(source.file().id()).document(doc)));
    }
    var response = unchecked(() -> es.bulk(bulk.build()));
    List<String> failed = new ArrayList<>();
    if (response.errors()) {
      response.items().stream().filter(i -> i.error() != null).forEach(i -> {
        failed.add(i.id());
        log.warn("search document of case {} not written: {}", i.id(), i.error().reason());
      });
    }
    return new Result(sources.size() - failed.size(), failed);
  }

  record Result(int written, List<String> failed) {}

  /** The timelines of the cases, in one search (paged by search_after when long), oldest event first. */
  Map<String, List<CaseEvent>> timelines(Collection<String> caseIds) {
    Map<String, List<CaseEvent>> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    List<FieldValue> ids = caseIds.stream().map(FieldValue::of).toList();
    List<FieldValue> after = null;
    while (true) {
      List<FieldValue> from = after;
      var response = unchecked(() -> es.search(s -> {
        s.index(indices.events()).size(EVENTS_PAGE).trackTotalHits(t -> t.enabled(false))
            .source(src -> src.filter(f -> f.includes("id", "caseId", "at", "type", "summary")))
            .query(q -> q.terms(t -> t.field("caseId").terms(v -> v.value(ids))))
            .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
        if (from != null) {
          s.searchAfter(from);
        }
        return s;
      }, CaseEvent.class));
      List<Hit<CaseEvent>> hits = response.hits().hits();
      for (Hit<CaseEvent> hit : hits) {
        if (hit.source() != null) {
          out.computeIfAbsent(hit.source().caseId(), k -> new ArrayList<>()).add(hit.source());
        }
      }
      if (hits.size() < EVENTS_PAGE) {
        return out;
      }
      after = hits.getLast().sort();
    }
  }

  private static Instant instant(ObjectNode json, String field) {
    var value = json.get(field);
    if (value == null || value.isNull() || value.asText().isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value.asText());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
