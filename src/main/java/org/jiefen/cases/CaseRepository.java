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

  CaseRepository(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  /** Creates the file; false when the id is taken. */
  boolean create(CaseFile file) {
    return Documents.unlessConflict(() -> es.create(c -> c.index(indices.cases()).id(file.id()).document(file)));
  }

  Optional<CaseFile> find(String id) {
    return Documents.find(es, indices.cases(), id, CaseFile.class);
  }

  void update(String id, Map<String, Object> fields) {
    unchecked(() -> es.update(u -> u.index(indices.cases()).id(id).doc(fields).retryOnConflict(5), CaseFile.class));
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
