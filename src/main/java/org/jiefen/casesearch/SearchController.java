package org.jiefen.casesearch;

import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: search over open and archived cases in the caller's scope (see
 * {@link CaseSearch}). {@code /api/v1/search/reindex}: rebuild the index (administrators only, by
 * the security configuration): POST starts it (202), GET tells how it stands.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

  private final CaseSearch search;
  private final Reindexer reindexer;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  SearchController(CaseSearch search, Reindexer reindexer, CurrentUser currentUser, AuditLog audit) {
    this.search = search;
    this.reindexer = reindexer;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping
  SearchResult search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) String size) {
    return search.search(currentUser.get(),
        new SearchRequest(q, kind, category, unit, outcome, year, channel, due, status, after, SearchPages.size(size)),
        LocaleContextHolder.getLocale());
  }

  @PostMapping("/reindex")
  ResponseEntity<Reindexer.Status> reindex() {
    if (!reindexer.start()) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(reindexer.status());
    }
    audit.record(AuditAction.SEARCH_REINDEXED, null, null);
    return ResponseEntity.accepted().body(reindexer.status());
  }

  @GetMapping("/reindex")
  Reindexer.Status reindexStatus() {
    return reindexer.status();
  }
}
