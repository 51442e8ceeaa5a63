package org.jiefen.cases;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jiefen.scope.DataScope;
import org.jiefen.search.Indices;
import org.jiefen.users.AppUser;
import org.springframework.stereotype.Service;

/**
 * The open cases a user may see, with the colour of their statutory clocks, for overviews such
 * as the supervision board. One search for all of them: the data scope's filter ({@link
 * DataScope#caseFilter}, so confidential petitions count only for those in charge of them), every
 * status but CLOSED, and only the fields an overview shows (no parties).
 */
@Service
public class OpenCases {

  /** Most open cases an overview reads at once (Elasticsearch's default result window). */
  public static final int LIMIT = 10_000;

  /**
   * An open case as overviews show it. {@code title} is masked at intake; a confidential
   * petition's is replaced by {@link CaseLookup#CONFIDENTIAL_TITLE}. {@code clockState}: the worst
   * colour of its clocks that still run ({@link ClockDueState}), {@code clockDue} the earliest due
   * instant among them (null when none runs).
   */
  public record OpenCase(
      String id,
      String kind,
      String title,
      String level,
      String status,
      String unitCode,
      String currentUnitCode,
      Instant created,
      ClockDueState clockState,
      Instant clockDue) {}

  /** The result: the cases, and whether there were more than {@link #LIMIT}. */
  public record Result(List<OpenCase> cases, long total) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  private final DataScope scope;
  private final Clock clock;

  OpenCases(ElasticsearchClient es, Indices indices, DataScope scope, Clock clock) {
    this.es = es;
    this.indices = indices;
    this.scope = scope;
    this.clock = clock;
  }

  /** The user's open cases, oldest first. */
  public Result of(AppUser user) {
    Instant now = clock.instant();
    var response = unchecked(() -> es.search(s -> s.index(indices.cases())
        .size(LIMIT)
        .trackTotalHits(t -> t.enabled(true))
        .source(src -> src.filter(f -> f.includes("id", "kind", "title", "level", "status", "unitCode",
            "currentUnitCode", "created", "clocks", "petition.confidential")))
        .query(q -> q.bool(b -> b.filter(scope.caseFilter(user))
            .mustNot(m -> m.term(t -> t.field("status").value(CaseStatus.CLOSED)))))
        .sort(o -> o.field(f -> f.field("created").order(SortOrder.Asc))), CaseFile.class));
    List<OpenCase> cases = response.hits().hits().stream()
        .map(h -> h.source())
        .filter(Objects::nonNull)
        .map(f -> of(f, now))
        .toList();
    long total = response.hits().total() == null ? cases.size() : response.hits().total().value();
    return new Result(cases, total);
  }

  private static OpenCase of(CaseFile f, Instant now) {
    ClockDueState worst = ClockDueState.NONE;
    Instant due = null;
    for (CaseClock c : f.clocks() == null ? List.<CaseClock>of() : f.clocks()) {
      ClockDueState state = ClockDueState.of(c, now);
      if (state == ClockDueState.NONE) {
        continue;
      }
      if (state.ordinal() > worst.ordinal()) {
        worst = state;
      }
      if (due == null || c.due().isBefore(due)) {
        due = c.due();
      }
    }
    boolean confidential = f.petition() != null && f.petition().confidential();
    return new OpenCase(f.id(), f.kind(), confidential ? CaseLookup.CONFIDENTIAL_TITLE : f.title(), f.level(),
        f.status(), f.unitCode(), f.currentUnitCode(), f.created(), worst, due);
  }
}
