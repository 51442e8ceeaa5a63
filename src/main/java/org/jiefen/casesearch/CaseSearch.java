package org.jiefen.casesearch;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.pii.PiiProtector;
import org.jiefen.scope.DataScope;
import org.jiefen.search.Indices;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.web.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Search over open and archived cases, always within the user's data scope (on hits and facet
 * counts alike). Full text over title (boosted), party names, description and timeline text with
 * the Chinese analyzers; or, when the query is a case number, a query code, an ID number or a
 * mobile number, an exact lookup (numbers by their keyed hash, never echoed or logged). Filters
 * are in filter context, totals are exact, facets come from a request of their own (see {@link
 * SearchFacets}), highlights and a small {@code _source} cover the returned page only, and pages
 * follow each other by search_after ({@link PageToken}), so paging stays correct deep into the
 * results.
 */
@Service
public class CaseSearch {

  public static final int MAX_SIZE = 100;
  public static final int MAX_QUERY = 200;
  static final int TRACK_TOTAL = 10_000;
  private static final Pattern CASE_NUMBER = Pattern.compile("(MD|XF)-\\d{8}-[2-9A-Z]{5}");
  private static final Pattern QUERY_CODE = Pattern.compile("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
  private static final Pattern PHONE = Pattern.compile("1\\d{10}");
  private static final Pattern CODE_VALUE = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final Pattern SPACES = Pattern.compile("[\\s\u3000]+");
  private static final Pattern NUMBERS = Pattern.compile("[0-9*＊]{7,}[0-9Xx*＊]*");
  private static final List<String> DUE = List.of("GREEN", "YELLOW", "RED", "NONE");
  private static final List<String> STATES = List.of("open", "closed", "archived");
  private static final List<String> SOURCE = List.of("id", "kind", "title", "status", "archived", "created",
      "unitCode", "category", "outcome", "nextDue", "nextWarnAt");

  private final ElasticsearchClient es;
  private final Indices indices;
  private final DataScope scope;
  private final PiiProtector pii;
  private final UnitDirectory units;
  private final AuditLog audit;
  private final MessageSource messages;
  private final Clock clock;
  private final SearchFacets facets;

  CaseSearch(ElasticsearchClient es, Indices indices, DataScope scope, PiiProtector pii, UnitDirectory units,
      AuditLog audit, MessageSource messages, Clock clock) {
    this.es = es;
    this.indices = indices;
    this.scope = scope;
    this.pii = pii;
    this.units = units;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
    this.facets = new SearchFacets(es, indices::caseSearch, SearchFacets.EXACT_UP_TO, SearchFacets.SAMPLE);
  }

  /** A search as {@code user}, audited ({@code CASE_SEARCHED}), with labels in {@code locale}. */
  public SearchResult search(AppUser user, SearchRequest request, Locale locale) {
    Checked c = check(request);
    SearchResult result = run(user, c, locale);
    audit.recordAs(user.username(), user.unitCode(), AuditAction.CASE_SEARCHED, AuditOutcome.SUCCESS, null, null,
        c.exact != null ? "exact " + c.exact.name().toLowerCase(Locale.ROOT) : auditText(request));
    return result;
  }

  /** As {@link #search(AppUser, SearchRequest, Locale)} in Chinese: the entry point for tools and the benchmark. */
  public SearchResult search(AppUser user, SearchRequest request) {
    return search(user, request, Locale.SIMPLIFIED_CHINESE);
  }

  private enum Exact { CASE_NUMBER, QUERY_CODE, ID_NUMBER, PHONE }

  /** A valid request; {@code token} is null on the first page. */
  private record Checked(String q, Exact exact, Query exactQuery, Map<String, String> filters, Integer year,
      PageToken token, int size) {}

  private Checked check(SearchRequest r) {
    List<FieldProblem.Violation> bad = new ArrayList<>();
    String q = r.q() == null ? "" : r.q().strip();
    if (q.length() > MAX_QUERY) {
      bad.add(new FieldProblem.Violation("q", "at most " + MAX_QUERY + " characters"));
    }
    int size = r.size() == null ? 20 : r.size();
    if (size < 1 || size > MAX_SIZE) {
      bad.add(new FieldProblem.Violation("size", "between 1 and " + MAX_SIZE));
    }
    Map<String, String> filters = new LinkedHashMap<>();
    code(bad, filters, "kind", r.kind());
    code(bad, filters, "category", r.category());
    code(bad, filters, "outcome", r.outcome());
    code(bad, filters, "channel", r.channel());
    if (present(r.unit())) {
      if (units.find(r.unit().strip()).isEmpty()) {
        bad.add(new FieldProblem.Violation("unit", "no such unit"));
      } else {
        filters.put("unit", r.unit().strip());
      }
    }
    Integer year = null;
    if (present(r.year())) {
      try {
        year = Integer.valueOf(r.year().strip());
        if (year < 1949 || year > 2200) {
          bad.add(new FieldProblem.Violation("year", "a year such as 2026"));
        }
      } catch (NumberFormatException e) {
        bad.add(new FieldProblem.Violation("year", "a year such as 2026"));
      }
    }
    if (present(r.due())) {
      String due = r.due().strip().toUpperCase(Locale.ROOT);
      if (DUE.contains(due)) {
        filters.put("due", due);
      } else {
        bad.add(new FieldProblem.Violation("due", "one of GREEN, YELLOW, RED, NONE"));
      }
    }
    if (present(r.status())) {
      String status = r.status().strip().toLowerCase(Locale.ROOT);
      if (STATES.contains(status)) {
        filters.put("status", status);
      } else {
        bad.add(new FieldProblem.Violation("status", "one of open, closed, archived"));
      }
    }
    Exact exact = exact(q);
    PageToken token = null;
    if (present(r.after())) {
      token = PageToken.decode(r.after(), mode(q, exact));
      if (token == null) {
        bad.add(new FieldProblem.Violation("after", "not a token of this search"));
      }
    }
    if (!bad.isEmpty()) {
      throw new FieldProblem(bad);
    }
    return new Checked(q, exact, exact == null ? null : exactQuery(exact, q), filters, year, token, size);
  }

  private static Exact exact(String q) {
    String upper = q.toUpperCase(Locale.ROOT);
    if (CASE_NUMBER.matcher(upper).matches()) {
      return Exact.CASE_NUMBER;
    }
    if (ID_NUMBER.matcher(upper).matches()) {
      return Exact.ID_NUMBER;
    }
    if (PHONE.matcher(q).matches()) {
      return Exact.PHONE;
    }
    if (QUERY_CODE.matcher(q).matches()) {
      return Exact.QUERY_CODE;
    }
    return null;
  }

  private Query exactQuery(Exact exact, String q) {
    String upper = q.toUpperCase(Locale.ROOT);
    return switch (exact) {
      case CASE_NUMBER -> Query.of(x -> x.term(t -> t.field("id").value(upper)));
      case QUERY_CODE -> Query.of(x -> x.term(t -> t.field("queryCode").value(q)));
      case ID_NUMBER -> Query.of(x -> x.term(t -> t.field("partyIdHashes").value(pii.idHash(upper))));
      case PHONE -> Query.of(x -> x.term(t -> t.field("partyPhoneHashes").value(pii.phoneHash(q))));
    };
  }

  private SearchResult run(AppUser user, Checked c, Locale locale) {
    boolean text = c.exact == null && !c.q.isEmpty();
    Instant now = clock.instant();
    List<Query> filters = new ArrayList<>();
    filters.add(scope.caseFilter(user));
    if (c.exactQuery != null) {
      filters.add(c.exactQuery);
    }
    c.filters.forEach((field, value) -> filters.add(filter(field, value, now)));
    if (c.year != null) {
      filters.add(Query.of(x -> x.term(t -> t.field("year").value(c.year))));
    }
    Query words = text ? words(c.q) : null;
    PageToken token = c.token;
    List<String> shown = token == null ? List.of() : token.shown();
    Query query = Query.of(x -> x.bool(b -> {
      b.filter(filters);
      if (words != null) {
        b.must(words);
      }
      if (!shown.isEmpty()) {
        b.mustNot(m -> m.ids(i -> i.values(shown)));
      }
      return b;
    }));
    // A text search's first page is read on the live index by score alone, so Elasticsearch skips
    // the matches that cannot reach it (any tiebreak made it score every match: half again the
    // time on common words). Relevance scores move with the index's statistics as documents are
    // written, so the later pages are read in a point in time opened with the second one, which
    // leaves out the cases of the first page: none is shown twice or skipped.
    boolean firstPage = token == null;
    String pit = text && !firstPage ? (token.pit() != null ? token.pit() : openPit()) : null;
    boolean expiring = token != null && token.pit() != null;
    SearchResponse<ObjectNode> response = searchOrExpired(expiring, () -> es.search(s -> {
      if (pit != null) {
        s.pit(p -> p.id(pit).keepAlive(k -> k.time(PIT_KEEP_ALIVE)));
      } else {
        s.index(indices.caseSearch());
      }
      // Later pages count nothing: counting made a page in a point in time two to three times slower.
      s.size(c.size)
          .trackTotalHits(t -> firstPage ? t.count(TRACK_TOTAL) : t.enabled(false))
          .source(src -> src.filter(f -> f.includes(SOURCE)))
          .query(query);
      if (text) {
        s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
        s.highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
            .fields("title", f -> f.numberOfFragments(0))
            .fields("partyNames", f -> f.numberOfFragments(0))
            .fields("description", f -> f.fragmentSize(60).numberOfFragments(1))
            .fields("text", f -> f.fragmentSize(60).numberOfFragments(2)));
      } else {
        s.sort(o -> o.field(f -> f.field("created").order(SortOrder.Desc).missing("_last")));
      }
      // the tiebreak: the point in time's own (shard doc), else the id; none on a text search's first page
      if (pit == null && !(text && firstPage)) {
        s.sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
      }
      if (token != null && !token.after().isEmpty()) {
        s.searchAfter(token.after());
      }
      return s;
    }, ObjectNode.class));
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (var hit : response.hits().hits()) {
      hits.add(hit(hit.source(), hit.highlight(), now));
    }
    String next = null;
    if (hits.size() == c.size && !response.hits().hits().isEmpty()) {
      if (text && firstPage) {
        next = new PageToken(PageToken.RELEVANCE, null, null, hits.stream().map(SearchResult.Hit::id).toList()).encode();
      } else {
        next = new PageToken(mode(c.q, c.exact), response.hits().hits().getLast().sort(),
            pit == null ? null : response.pitId() != null ? response.pitId() : pit, shown).encode();
      }
    } else if (pit != null) {
      closePit(pit);
    }
    // How many there are (exact: counting without scores is cheap), and on the first page what
    // they are (the facets).
    var total = response.hits().total();
    Query matches = Query.of(x -> x.bool(b -> {
      b.filter(filters);
      if (words != null) {
        b.filter(words);
      }
      return b;
    }));
    long count = total != null && total.relation() == TotalHitsRelation.Eq ? total.value()
        : unchecked(() -> es.count(n -> n.index(indices.caseSearch()).query(matches))).count();
    SearchFacets.Counts facets = count == 0 || !firstPage ? SearchFacets.none(firstPage)
        : facets(user, c, matches, count, now, locale);
    return new SearchResult(count, hits, facets.facets(), facets.approximate(), next, c.exact != null);
  }

  /** The facet counts of the {@code count} cases {@code matches} finds, for the user's unit or the chosen one. */
  private SearchFacets.Counts facets(AppUser user, Checked c, Query matches, long count, Instant now, Locale locale) {
    String unitBase = c.filters.getOrDefault("unit", user.unitCode());
    List<String> childUnits = units.all().stream().filter(u -> unitBase.equals(u.parentCode())).map(Unit::code).toList();
    String at = now.toString();
    Map<String, Query> due = new LinkedHashMap<>();
    DUE.forEach(d -> due.put(d, dueQuery(d, at)));
    Map<String, Query> states = new LinkedHashMap<>();
    STATES.forEach(st -> states.put(st, statusQuery(st)));
    Map<String, String> selected = new LinkedHashMap<>(c.filters);
    if (c.year != null) {
      selected.put("year", c.year.toString());
    }
    return facets.count(matches, count, due, states, childUnits, selected, (field, value) -> label(field, value, locale));
  }

  /**
   * The words of a query: each word (words are separated by spaces, the ideographic space too)
   * must match, in any of the text fields, most of its bigrams ({@code 2<75%}); a case scores by
   * its best field per word. Scoring by the best field alone (no tie breaker) lets Lucene skip the
   * matches that cannot reach the page; a tie breaker of 0.3 made it score all of them, up to ten
   * times the time on a word in every case (see docs/benchmarks.md).
   */
  static Query words(String q) {
    List<Query> each = new ArrayList<>();
    for (String word : SPACES.split(q.strip())) {
      if (!word.isEmpty()) {
        each.add(Query.of(x -> x.multiMatch(mm -> mm.query(word)
            .fields("title^3", "partyNames^2", "description", "text")
            .type(co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType.BestFields)
            .minimumShouldMatch("2<75%"))));
      }
    }
    return each.size() == 1 ? each.getFirst() : Query.of(x -> x.bool(b -> b.must(each)));
  }

  private Query filter(String field, String value, Instant now) {
    String at = now.toString();
    return switch (field) {
      case "unit" -> Query.of(x -> x.term(t -> t.field("unitPath").value(value)));
      case "due" -> dueQuery(value, at);
      case "status" -> statusQuery(value);
      default -> Query.of(x -> x.term(t -> t.field(field).value(value)));
    };
  }

  private static Query dueQuery(String due, String now) {
    return switch (due) {
      case "RED" -> Query.of(x -> x.range(r -> r.date(d -> d.field("nextDue").lte(now))));
      case "YELLOW" -> Query.of(x -> x.bool(b -> b
          .filter(f -> f.range(r -> r.date(d -> d.field("nextDue").gt(now))))
          .filter(f -> f.range(r -> r.date(d -> d.field("nextWarnAt").lte(now))))));
      case "GREEN" -> Query.of(x -> x.bool(b -> b
          .filter(f -> f.range(r -> r.date(d -> d.field("nextDue").gt(now))))
          .mustNot(f -> f.range(r -> r.date(d -> d.field("nextWarnAt").lte(now))))));
      default -> Query.of(x -> x.bool(b -> b.mustNot(f -> f.exists(e -> e.field("nextDue")))));
    };
  }

  private static Query statusQuery(String status) {
    Query archived = Query.of(x -> x.term(t -> t.field("archived").value(true)));
    return switch (status) {
      case "archived" -> archived;
      case "closed" -> Query.of(x -> x.bool(b -> b.filter(f -> f.term(t -> t.field("status").value("CLOSED")))
          .mustNot(archived)));
      default -> Query.of(x -> x.bool(b -> b.mustNot(f -> f.term(t -> t.field("status").value("CLOSED")))
          .mustNot(archived)));
    };
  }

  private String label(String field, String value, Locale locale) {
    return switch (field) {
      case "unit" -> units.find(value).map(Unit::name).orElse(value);
      case "due" -> messages.getMessage("due." + value, null, value, locale);
      case "status" -> messages.getMessage("search.state." + value, null, value, locale);
      default -> messages.getMessage("code." + field + "." + value, null, value, locale);
    };
  }

  private SearchResult.Hit hit(ObjectNode source, Map<String, List<String>> highlight, Instant now) {
    String title = first(highlight.get("title"));
    if (title == null) {
      title = HtmlUtils.htmlEscape(text(source, "title"));
    }
    List<String> snippets = new ArrayList<>();
    for (String field : List.of("partyNames", "description", "text")) {
      List<String> found = highlight.get(field);
      if (found != null) {
        snippets.addAll(found);
      }
    }
    String state = source.path("archived").asBoolean(false) ? "archived"
        : "CLOSED".equals(text(source, "status")) ? "closed" : "open";
    String unitCode = text(source, "unitCode");
    return new SearchResult.Hit(text(source, "id"), text(source, "kind"), title, state, due(source, now),
        instant(source, "created"), unitCode, unitCode == null ? null : units.find(unitCode).map(Unit::name).orElse(unitCode),
        text(source, "category"), text(source, "outcome"), List.copyOf(snippets.subList(0, Math.min(3, snippets.size()))));
  }

  private static String due(ObjectNode source, Instant now) {
    Instant due = instant(source, "nextDue");
    if (due == null) {
      return "NONE";
    }
    if (!now.isBefore(due)) {
      return "RED";
    }
    Instant warn = instant(source, "nextWarnAt");
    return warn != null && !now.isBefore(warn) ? "YELLOW" : "GREEN";
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static String text(ObjectNode source, String field) {
    JsonNode v = source.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant instant(ObjectNode source, String field) {
    String v = text(source, field);
    try {
      return v == null ? null : Instant.parse(v);
    } catch (RuntimeException e) {
      return null;
    }
  }

  // --- the opaque paging token: the mode of the search and the last hit's sort values

  private static String mode(String q, Exact exact) {
    return exact == null && !q.isEmpty() ? PageToken.RELEVANCE : PageToken.NEWEST;
  }

  private static final String PIT_KEEP_ALIVE = "2m";

  /**
   * Runs the search; when it reads a point in time from a token, a refusal by Elasticsearch means
   * the token expired (or was forged): the user starts again.
   */
  private static SearchResponse<ObjectNode> searchOrExpired(boolean fromToken,
      org.jiefen.search.Documents.Call<SearchResponse<ObjectNode>> call) {
    try {
      return unchecked(call);
    } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
      if (fromToken) {
        throw new FieldProblem("after", "these results expired; search again");
      }
      throw e;
    } catch (RuntimeException e) {
      if (fromToken && (org.jiefen.search.Documents.notFound(e) || hasStatus4xx(e))) {
        throw new FieldProblem("after", "these results expired; search again");
      }
      throw e;
    }
  }

  private static boolean hasStatus4xx(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.elasticsearch.client.ResponseException r) {
        int status = r.getResponse().getStatusLine().getStatusCode();
        return status >= 400 && status < 500;
      }
    }
    return false;
  }

  /** A point in time over the search index; null when none can be opened (the search then reads the live index). */
  private String openPit() {
    try {
      return unchecked(() -> es.openPointInTime(p -> p.index(indices.caseSearch())
          .keepAlive(k -> k.time(PIT_KEEP_ALIVE)))).id();
    } catch (RuntimeException e) {
      return null; // e.g. too many open (search.max_open_pit_context): page on the live index
    }
  }

  private void closePit(String pit) {
    try {
      unchecked(() -> es.closePointInTime(c -> c.id(pit)));
    } catch (RuntimeException e) {
      // it expires by itself
    }
  }

  private static void code(List<FieldProblem.Violation> bad, Map<String, String> filters, String field, String value) {
    if (!present(value)) {
      return;
    }
    if (CODE_VALUE.matcher(value.strip()).matches()) {
      filters.put(field, value.strip());
    } else {
      bad.add(new FieldProblem.Violation(field, "not a known value"));
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String auditText(SearchRequest r) {
    String q = r.q() == null ? "" : NUMBERS.matcher(r.q().strip()).replaceAll("#");
    return "q=" + q;
  }
}
