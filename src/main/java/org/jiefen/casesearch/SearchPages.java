package org.jiefen.casesearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.WebPage;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page {@code /search} (all signed-in staff): one box, facets as links, results with
 * highlighted snippets, "more" by the paging token; a plain GET form, so it works without script.
 * And the administrators' page {@code /admin/search}: how the index stands, and a rebuild button.
 */
@Controller
@WebPage
class SearchPages {

  static final List<String> DIMENSIONS = List.of("status", "due", "kind", "category", "unit", "outcome", "year",
      "channel");

  /** A facet value as a link that selects it, or clears it when it is selected. */
  record FacetLink(String label, long count, boolean selected, String href) {}

  /** A dimension with its values, and the message key of its heading. */
  record FacetGroup(String name, List<FacetLink> values) {}

  private final CaseSearch search;
  private final Reindexer reindexer;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  SearchPages(CaseSearch search, Reindexer reindexer, CurrentUser currentUser, AuditLog audit) {
    this.search = search;
    this.reindexer = reindexer;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/search")
  String page(@RequestParam Map<String, String> params, Model model) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String d : DIMENSIONS) {
      String v = params.get(d);
      if (v != null && !v.isBlank()) {
        filters.put(d, v.strip());
      }
    }
    String q = params.getOrDefault("q", "").strip();
    model.addAttribute("q", q);
    model.addAttribute("filters", filters);
    SearchRequest request = new SearchRequest(q, filters.get("kind"), filters.get("category"), filters.get("unit"),
        filters.get("outcome"), filters.get("year"), filters.get("channel"), filters.get("due"), filters.get("status"),
        params.get("after"), null);
    try {
      SearchResult result = search.search(currentUser.get(), request, LocaleContextHolder.getLocale());
      model.addAttribute("result", result);
      model.addAttribute("facets", groups(result, q, filters));
      model.addAttribute("more", result.next() == null ? null : link(q, filters, null, null).replaceQueryParam("after",
          result.next()).build().encode().toUriString());
      model.addAttribute("paged", params.get("after") != null && !params.get("after").isBlank());
      model.addAttribute("firstPage", link(q, filters, null, null).build().encode().toUriString());
    } catch (FieldProblem problem) {
      model.addAttribute("badField", problem.field());
    }
    return "search/search";
  }

  private static List<FacetGroup> groups(SearchResult result, String q, Map<String, String> filters) {
    List<FacetGroup> out = new ArrayList<>();
    for (String d : DIMENSIONS) {
      List<SearchResult.Facet> values = result.facets().getOrDefault(d, List.of());
      if (values.isEmpty()) {
        continue;
      }
      List<FacetLink> links = values.stream().map(f -> new FacetLink(f.label(), f.count(), f.selected(),
          link(q, filters, d, f.selected() ? null : f.value()).build().encode().toUriString())).toList();
      out.add(new FacetGroup(d, links));
    }
    return out;
  }

  /** The search with the same query and filters, {@code dimension} set to {@code value} (or cleared). */
  private static UriComponentsBuilder link(String q, Map<String, String> filters, String dimension, String value) {
    UriComponentsBuilder b = ServletUriComponentsBuilder.fromCurrentContextPath().path("/search");
    if (!q.isEmpty()) {
      b.queryParam("q", q);
    }
    filters.forEach((k, v) -> {
      if (!k.equals(dimension)) {
        b.queryParam(k, v);
      }
    });
    if (dimension != null && value != null) {
      b.queryParam(dimension, value);
    }
    return b;
  }

  @GetMapping("/admin/search")
  String admin(Model model) {
    model.addAttribute("status", reindexer.status());
    return "search/admin";
  }

  @PostMapping("/admin/search/reindex")
  String reindex() {
    if (reindexer.start()) {
      audit.record(AuditAction.SEARCH_REINDEXED, null, null);
      return "redirect:/admin/search?started";
    }
    return "redirect:/admin/search?running";
  }

  /** The {@code size} parameter: null when absent, or a number the search checks (non-numbers fail as size 0). */
  static Integer size(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
