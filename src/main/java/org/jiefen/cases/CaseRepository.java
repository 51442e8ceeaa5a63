package org.jiefen.cases;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Repository;

/**
 * Case files in Elasticsearch. Partial updates merge fields, so they need no scripts. Files are
 * read by id (real-time in Elasticsearch), so writes do not wait for a refresh.
 */
@Repository
class CaseRepository {

  private final ElasticsearchClient es;
  private final Indices indices;
  private final org.springframework.context.ApplicationEventPublisher events;

  CaseRepository(ElasticsearchClient es, Indices indices,
      org.springframework.context.ApplicationEventPublisher events) {
    this.es = es;
    this.indices = indices;
    this.events = events;
  }

  /**
   * The stamp every write puts in {@code changed}: the wall clock, never the demo clock (which
   * moves back and forth in tests and demos), so the search projection's change feed only moves
   * forward (see org.jiefen.casesearch.CaseSearchProjector).
   */
  private static String changedNow() {
    return Instant.now().toString();
  }

  private void written(String id) {
    events.publishEvent(new CaseWritten(id));
  }

  /**
   * Marks the case as changed without changing anything else: for a write elsewhere that the
   * case's search document depends on (a timeline event). Nothing when the case does not exist.
   */
  void touch(String id) {
    try {
      unchecked(() -> es.update(u -> u.index(indices.cases()).id(id).doc(Map.of("changed", changedNow()))
          .retryOnConflict(5), CaseFile.class));
      written(id);
    } catch (RuntimeException e) {
      if (!Documents.notFound(e)) {
        throw e;
      }
    }
  }

  /** Creates the file; false when the id is taken. */
  boolean create(CaseFile file) {
    return create(file, false);
  }

  /**
   * Creates the file; false when the id is taken. {@code searchable}: return only once searches
   * see it (for a file whose existence changes what searches must exclude, e.g. a report naming
   * the accused, which the task lists of those named must leave out from the first moment).
   */
  boolean create(CaseFile file, boolean searchable) {
    var refresh = searchable ? co.elastic.clients.elasticsearch._types.Refresh.WaitFor
        : co.elastic.clients.elasticsearch._types.Refresh.False;
    var mapper = ((co.elastic.clients.json.jackson.JacksonJsonpMapper) es._jsonpMapper()).objectMapper();
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = new java.util.LinkedHashMap<>(mapper.convertValue(file, Map.class));
    doc.put("changed", changedNow());
    boolean created = Documents.unlessConflict(
        () -> es.create(c -> c.index(indices.cases()).id(file.id()).document(doc).refresh(refresh)));
    if (created) {
      written(file.id());
    }
    return created;
  }

  Optional<CaseFile> find(String id) {
    return Documents.find(es, indices.cases(), id, CaseFile.class);
  }

  /**
   * The files with these ids, in one request (a real-time multi-get), holding only the fields
   * named: for lists that show a line per case. Ids not found are left out.
   */
  List<CaseFile> findAll(java.util.Collection<String> ids, List<String> fields) {
    if (ids.isEmpty()) {
      return List.of();
    }
    var response = unchecked(() -> es.mget(m -> m.index(indices.cases()).ids(List.copyOf(ids)).sourceIncludes(fields),
        CaseFile.class));
    return response.docs().stream()
        .filter(d -> d.isResult() && d.result().found() && d.result().source() != null)
        .map(d -> d.result().source())
        .toList();
  }

  void update(String id, Map<String, Object> fields) {
    Map<String, Object> stamped = stamped(fields);
    unchecked(() -> es.update(u -> u.index(indices.cases()).id(id).doc(stamped).retryOnConflict(5), CaseFile.class));
    written(id);
  }

  private static Map<String, Object> stamped(Map<String, Object> fields) {
    Map<String, Object> stamped = new java.util.LinkedHashMap<>(fields);
    stamped.put("changed", changedNow());
    return stamped;
  }

  /**
   * Read-modify-write under optimistic concurrency, for changes to lists in the file (clocks,
   * documents) that a plain merge would lose when two workers write at once. {@code change} sees
   * the current file and answers the fields to set, or an empty map for no change; on a version
   * conflict it runs again on the newer file. Answers the file as written (or as it was).
   */
  CaseFile modify(String id, java.util.function.Function<CaseFile, Map<String, Object>> change) {
    for (int attempt = 0; ; attempt++) {
      var got = unchecked(() -> es.get(g -> g.index(indices.cases()).id(id), CaseFile.class));
      if (!got.found() || got.source() == null) {
        throw new org.jiefen.web.NotFoundProblem("no case " + id);
      }
      Map<String, Object> changes = change.apply(got.source());
      if (changes.isEmpty()) {
        return got.source();
      }
      Map<String, Object> fields = stamped(changes);
      long seqNo = got.seqNo();
      long term = got.primaryTerm();
      boolean written = Documents.unlessConflict(() -> es.update(
          u -> u.index(indices.cases()).id(id).doc(fields).ifSeqNo(seqNo).ifPrimaryTerm(term), CaseFile.class));
      if (written) {
        written(id);
        return find(id).orElseThrow();
      }
      if (attempt >= 20) {
        throw new IllegalStateException("case " + id + " kept changing under a read-modify-write");
      }
    }
  }

  /**
   * Ids of earlier cases of the kind, registered since {@code since}, that share a party (by the
   * keyed hash of an ID or phone number) and whose text is similar (a third of the new text's
   * bigrams in common): the intake clerk decides whether they are the same dispute.
   */
  List<String> similar(String kind, List<String> partyHashes, String text, Instant since) {
    if (partyHashes.isEmpty()) {
      return List.of();
    }
    String probe = text.length() > 300 ? text.substring(0, 300) : text;
    var hashes = partyHashes.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
    return sources(
            unchecked(
                () ->
                    es.search(
                        s ->
                            s.index(indices.cases())
                                .size(5)
                                .source(src -> src.filter(f -> f.includes("id")))
                                .query(
                                    q ->
                                        q.bool(
                                            b ->
                                                b.filter(f -> f.term(t -> t.field("kind").value(kind)))
                                                    .filter(f -> f.range(r -> r.date(d -> d.field("created").gte(since.toString()))))
                                                    .filter(
                                                        f ->
                                                            f.nested(
                                                                n ->
                                                                    n.path("parties")
                                                                        .query(
                                                                            pq ->
                                                                                pq.bool(
                                                                                    pb ->
                                                                                        pb.should(x -> x.terms(t -> t.field("parties.idHash").terms(v -> v.value(hashes))))
                                                                                            .should(x -> x.terms(t -> t.field("parties.phoneHash").terms(v -> v.value(hashes))))
                                                                                            .minimumShouldMatch("1")))))
                                                    .must(
                                                        m ->
                                                            m.multiMatch(
                                                                mm ->
                                                                    mm.fields("title", "description")
                                                                        .query(probe)
                                                                        .minimumShouldMatch("30%"))))),
                        CaseFile.class)))
        .stream()
        .map(CaseFile::id)
        .toList();
  }

  /**
   * An earlier petition intake found: its id, and whether it has the same person (a party's keyed
   * ID or phone hash), a similar matter (text), and is closed for good after re-review.
   */
  record Repeat(String id, boolean samePerson, boolean similarMatter, boolean closedFinal) {}

  /**
   * Earlier petitions that may be the same as a new one: registered since {@code since} with the
   * same person or with a similar matter (a {@code matterMatch} share of the new text's bigrams),
   * and, at any age, those closed for good after re-review whose matter is similar (or that have
   * the same person and a third of the text in common, the mediation rule). Newest first, each once.
   */
  List<Repeat> petitionRepeats(List<String> partyHashes, String text, Instant since, String matterMatch) {
    String probe = text.length() > 300 ? text.substring(0, 300) : text;
    var hashes = partyHashes.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
    Query person = Query.of(q -> q.nested(n -> n.path("parties").queryName("person").query(pq -> pq.bool(pb -> pb
        .should(x -> x.terms(t -> t.field("parties.idHash").terms(v -> v.value(hashes))))
        .should(x -> x.terms(t -> t.field("parties.phoneHash").terms(v -> v.value(hashes))))
        .minimumShouldMatch("1")))));
    Query matter = textMatch(probe, matterMatch, "matter");
    Query petitions = Query.of(q -> q.term(t -> t.field("kind").value("petition")));

    List<Query> recentReasons = new java.util.ArrayList<>();
    if (!hashes.isEmpty()) {
      recentReasons.add(person);
    }
    recentReasons.add(matter);
    var recent = search(Query.of(q -> q.bool(b -> b.filter(petitions)
        .filter(f -> f.range(r -> r.date(d -> d.field("created").gte(since.toString()))))
        .should(recentReasons).minimumShouldMatch("1"))));

    List<Query> finalReasons = new java.util.ArrayList<>();
    finalReasons.add(matter);
    if (!hashes.isEmpty()) {
      finalReasons.add(Query.of(q -> q.bool(b -> b.filter(person).filter(textMatch(probe, "30%", null)))));
    }
    var closedFinal = search(Query.of(q -> q.bool(b -> b.filter(petitions)
        .filter(f -> f.term(t -> t.field("petition.closedFinal").value(true)))
        .should(finalReasons).minimumShouldMatch("1"))));

    Map<String, Repeat> found = new java.util.LinkedHashMap<>();
    for (var hit : recent) {
      found.put(hit.id(), new Repeat(hit.id(), hit.matchedQueries().contains("person"),
          hit.matchedQueries().contains("matter"), false));
    }
    for (var hit : closedFinal) {
      Repeat before = found.get(hit.id());
      boolean samePerson = hit.matchedQueries().contains("person") || (before != null && before.samePerson());
      boolean similar = hit.matchedQueries().contains("matter") || (before != null && before.similarMatter());
      found.put(hit.id(), new Repeat(hit.id(), samePerson, similar, true));
    }
    return List.copyOf(found.values());
  }

  private static Query textMatch(String probe, String minimum, String name) {
    return Query.of(q -> q.multiMatch(mm -> {
      mm.fields("title", "description").query(probe).minimumShouldMatch(minimum);
      return name == null ? mm : mm.queryName(name);
    }));
  }

  private List<co.elastic.clients.elasticsearch.core.search.Hit<CaseFile>> search(Query query) {
    return unchecked(() -> es.search(s -> s.index(indices.cases())
            .size(10)
            .source(src -> src.filter(f -> f.includes("id")))
            .query(query)
            .sort(o -> o.field(f -> f.field("created").order(co.elastic.clients.elasticsearch._types.SortOrder.Desc))),
        CaseFile.class))
        .hits().hits();
  }

  /** Cases registered before {@code before} whose process has not started. */
  List<CaseFile> waitingForProcess(Instant before) {
    return sources(
        unchecked(
            () ->
                es.search(
              s ->
                  s.index(indices.cases())
                      .size(100)
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(f -> f.term(t -> t.field("status").value(CaseStatus.REGISTERED)))
                                          .filter(
                                              f ->
                                                  f.range(
                                                      r ->
                                                          r.date(
                                                              d -> d.field("created").lt(before.toString())))))),
                    CaseFile.class)));
  }
}
