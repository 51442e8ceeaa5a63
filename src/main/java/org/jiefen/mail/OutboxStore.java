package org.jiefen.mail;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.elasticsearch.client.ResponseException;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/**
 * The outbox index. Every state change after creation is a whole-document write conditional on the
 * sequence number and primary term read before it, so of two instances that read the same record
 * only one can claim it (the other gets a conflict and leaves it).
 */
@Component
class OutboxStore {

  /** A record with the version it was read at, which the next conditional write needs. */
  record Versioned(OutboxRecord record, long seqNo, long primaryTerm) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  OutboxStore(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  /** Creates the record (op_type create); false when a record with its id exists already. */
  boolean create(OutboxRecord record) {
    try {
      unchecked(() -> es.create(c -> c.index(indices.mailOutbox()).id(record.id()).document(record)));
      return true;
    } catch (RuntimeException e) {
      if (conflict(e)) {
        return false;
      }
      throw e;
    }
  }

  /** A real-time read by id, no refresh needed. */
  Optional<Versioned> get(String id) {
    var response = unchecked(() -> es.get(g -> g.index(indices.mailOutbox()).id(id), OutboxRecord.class));
    if (!response.found() || response.source() == null) {
      return Optional.empty();
    }
    return Optional.of(new Versioned(response.source(), response.seqNo(), response.primaryTerm()));
  }

  /**
   * Replaces the record if nobody changed it since {@code read}; empty when somebody did. The
   * answer carries the new version for the next step.
   */
  Optional<Versioned> replace(Versioned read, OutboxRecord next) {
    try {
      var response =
          unchecked(
              () ->
                  es.index(
                      i -> i.index(indices.mailOutbox()).id(next.id()).document(next)
                          .ifSeqNo(read.seqNo()).ifPrimaryTerm(read.primaryTerm())));
      return Optional.of(new Versioned(next, response.seqNo(), response.primaryTerm()));
    } catch (RuntimeException e) {
      if (conflict(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A version conflict (409). The REST transport lets only some error statuses through as
   * {@link ElasticsearchException}; a 409 arrives as the low-level client's ResponseException.
   */
  static boolean conflict(RuntimeException e) {
    if (e instanceof ElasticsearchException es) {
      return es.status() == 409;
    }
    return e.getCause() instanceof ResponseException response
        && response.getResponse().getStatusLine().getStatusCode() == 409;
  }

  /**
   * Mail due at {@code now}: pending whose next attempt has come (or, in records from before the
   * dispatcher, has none), and claims whose lease ran out. Oldest first. Search results trail writes
   * by up to a refresh interval; the conditional claim sorts out stale hits.
   */
  List<Versioned> due(Instant now, int size) {
    String at = now.toString();
    Query pending =
        Query.of(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("status").value(MailStatus.PENDING.name())))
            .should(s -> s.range(r -> r.date(d -> d.field("nextAttempt").lte(at))))
            .should(s -> s.bool(n -> n.mustNot(m -> m.exists(e -> e.field("nextAttempt")))))
            .minimumShouldMatch("1")));
    Query expired =
        Query.of(q -> q.bool(b -> b
            .filter(f -> f.term(t -> t.field("status").value(MailStatus.SENDING.name())))
            .filter(f -> f.range(r -> r.date(d -> d.field("leaseUntil").lt(at))))));
    var response =
        unchecked(
            () ->
                es.search(
                    s -> s.index(indices.mailOutbox())
                        .size(size)
                        .seqNoPrimaryTerm(true)
                        .query(q -> q.bool(b -> b.should(pending).should(expired).minimumShouldMatch("1")))
                        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Asc).unmappedType(FieldType.Date))),
                    OutboxRecord.class));
    return response.hits().hits().stream()
        .filter(h -> h.source() != null && h.seqNo() != null && h.primaryTerm() != null)
        .map(h -> new Versioned(h.source(), h.seqNo(), h.primaryTerm()))
        .toList();
  }

  /** What the health contributor shows. */
  record Backlog(long waiting, Instant oldestWaiting, long failed) {}

  Backlog backlog() {
    var waiting =
        unchecked(
            () ->
                es.search(
                    s -> s.index(indices.mailOutbox())
                        .size(1)
                        .trackTotalHits(t -> t.enabled(true))
                        .query(q -> q.terms(t -> t.field("status").terms(v -> v.value(List.of(
                            FieldValue.of(MailStatus.PENDING.name()), FieldValue.of(MailStatus.SENDING.name()))))))
                        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Asc).unmappedType(FieldType.Date))),
                    OutboxRecord.class));
    long failed =
        unchecked(
            () ->
                es.count(c -> c.index(indices.mailOutbox())
                    .query(q -> q.term(t -> t.field("status").value(MailStatus.FAILED.name())))))
            .count();
    Instant oldest =
        waiting.hits().hits().stream().map(Hit::source).filter(r -> r != null).map(OutboxRecord::created)
            .findFirst().orElse(null);
    long total = waiting.hits().total() == null ? 0 : waiting.hits().total().value();
    return new Backlog(total, oldest, failed);
  }
}
