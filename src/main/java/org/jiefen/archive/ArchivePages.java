package org.jiefen.archive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.WebPage;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/archive}: expired archive records waiting for a decision, a page at a time, each
 * with its decision form (keep longer by a period, or destroy; a reason always). The case page's
 * archive section ({@code /cases/{id}/archive}, loaded into the page) and its bundle download
 * follow the case page's rules: scope, then audit, then the bytes.
 */
@Controller
@WebPage
class ArchivePages {

  static final int PAGE_SIZE = 20;

  /** A line of the list: the record and its unit's name. */
  record Row(ArchiveRecord record, String unitName) {}

  private final ArchiveDecisions decisions;
  private final ArchiveBundles bundles;
  private final UnitDirectory units;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  ArchivePages(ArchiveDecisions decisions, ArchiveBundles bundles, UnitDirectory units, CurrentUser currentUser,
      AuditLog audit) {
    this.decisions = decisions;
    this.bundles = bundles;
    this.units = units;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/admin/archive")
  String page(@RequestParam(defaultValue = "0") int page, Model model) {
    return show(Math.max(page, 0), null, Map.of(), Map.of(), model);
  }

  @PostMapping("/admin/archive/{caseId}/decision")
  String decide(@PathVariable String caseId, @RequestParam(required = false) String decision,
      @RequestParam(required = false) String period, @RequestParam(required = false) String reason,
      @RequestParam(defaultValue = "0") int page, Model model, jakarta.servlet.http.HttpServletResponse response) {
    try {
      ArchiveRecord done = decisions.decide(caseId, new ArchiveDecisions.Request(decision, period, reason),
          currentUser.get().username());
      return "redirect:/admin/archive?page=" + Math.max(page, 0) + "&decided=" + done.disposition().state()
          + "&case=" + caseId;
    } catch (FieldProblem e) {
      response.setStatus(400);
      Map<String, String> errors = new LinkedHashMap<>();
      for (FieldProblem.Violation v : e.violations()) {
        errors.putIfAbsent(v.field(), "archive.error." + v.field());
      }
      Map<String, String> typed = new LinkedHashMap<>();
      typed.put("decision", decision == null ? "" : decision);
      typed.put("period", period == null ? "" : period);
      typed.put("reason", reason == null ? "" : reason);
      return show(Math.max(page, 0), caseId, errors, typed, model);
    }
  }

  private String show(int page, String errorCase, Map<String, String> errors, Map<String, String> typed, Model model) {
    ArchiveStore.Page found = decisions.expired(Math.min(page, 10_000 / PAGE_SIZE - 1), PAGE_SIZE);
    List<Row> rows = found.records().stream()
        .map(r -> new Row(r, units.find(r.unitCode()).map(Unit::name).orElse(r.unitCode())))
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("total", found.total());
    model.addAttribute("page", page);
    model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.addAttribute("today", decisions.today());
    model.addAttribute("errorCase", errorCase);
    model.addAttribute("errors", errors);
    model.addAttribute("typed", typed);
    return "archive/expired";
  }

  /** The case page's archive section (a fragment), for users whose scope covers the case. */
  @GetMapping("/cases/{id}/archive")
  String facts(@PathVariable String id, Model model) {
    model.addAttribute("a", bundles.facts(id, currentUser.get()));
    return "archive/facts :: facts";
  }

  /** The bundle PDF, as the API hands it out: scope check, then the audit, then the bytes. */
  @GetMapping("/cases/{id}/archive/bundle")
  ResponseEntity<byte[]> bundle(@PathVariable String id) {
    ArchiveBundles.Download download = bundles.download(id, currentUser.get());
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, "case-file-bundle " + download.sha256()); // audit
    return download.response();
  }
}
