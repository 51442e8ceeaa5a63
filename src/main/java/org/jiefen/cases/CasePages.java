package org.jiefen.cases;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.deploy.ProcessCatalog;
import org.jiefen.documents.DocumentService;
import org.jiefen.evidence.EvidenceResponses;
import org.jiefen.evidence.EvidenceService;
import org.jiefen.tasks.CaseTasks;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.FileProblem;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.jiefen.web.PdfAttachment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: the file as {@code GET /api/v1/cases/{id}} gives it (same scope check, same audit
 * event), its clocks, agreement, confirmation, petition part, documents and where its processes
 * stand on their diagrams. Documents and diagrams are served here under the same rules as the API.
 */
@Controller
@WebPage
class CasePages {

  /** A process the case has open tasks in: its deployed version and the elements to highlight. */
  record Diagram(String processId, long processDefinitionKey, List<String> active, List<String> names) {}

  private final CaseService cases;
  private final DocumentService documents;
  private final EvidenceService evidence;
  private final CaseTasks tasks;
  private final ProcessCatalog catalog;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  CasePages(CaseService cases, DocumentService documents, EvidenceService evidence, CaseTasks tasks,
      ProcessCatalog catalog, CurrentUser currentUser, AuditLog audit) {
    this.cases = cases;
    this.documents = documents;
    this.evidence = evidence;
    this.tasks = tasks;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping("/cases/{id}")
  String page(@PathVariable String id, Model model) {
    AppUser user = currentUser.get();
    CaseView view = cases.view(id, user);
    audit.record(AuditAction.CASE_READ, id, null); // audit: as the API's read, before the file is shown
    model.addAttribute("c", view);
    model.addAttribute("diagrams", diagrams(id));
    model.addAttribute("mayReveal", PiiReveal.MAY_REVEAL.stream().anyMatch(user::has));
    model.addAttribute("mayAddEvidence", EvidenceService.mayUpload(user) && !CaseStatus.CLOSED.equals(view.status()));
    model.addAttribute("evidenceMaxMb", (evidence.maxBytes() + (1 << 20) - 1) >> 20);
    if (!model.containsAttribute("evidenceErrors")) {
      model.addAttribute("evidenceErrors", Map.of());
    }
    return "cases/case";
  }

  /**
   * Evidence from the case page's form, through the same service, scope check and audit as the
   * API. Added: back to the case page with a notice; refused: the page again, the reason at its field.
   */
  @PostMapping("/cases/{id}/evidence")
  String addEvidence(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "description", required = false) String description, Model model,
      RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
    AppUser user = currentUser.get();
    cases.file(id, user); // out of scope: 404, audited
    if (!EvidenceService.mayUpload(user)) {
      audit.denied("role may not add evidence"); // audit: as the API's 403
      throw new org.springframework.security.access.AccessDeniedException("role may not add evidence");
    }
    try {
      var recorded = evidence.add(id, EvidenceService.Upload.of(file, description), user);
      audit.record(AuditAction.EVIDENCE_ADDED, id, "evidence " + recorded.evidence().type() + " " + recorded.evidence().sha256()); // audit
      redirect.addFlashAttribute("evidenceNotice", recorded.added() ? "added" : "known");
      return "redirect:/cases/" + id + "#evidence";
    } catch (FieldProblem e) {
      response.setStatus(e instanceof FileProblem f ? f.status().value() : 400);
      String reason = e instanceof FileProblem f ? f.reason() : "invalid";
      model.addAttribute("evidenceErrors", Map.of(e.field(), "case.evidence.error." + reason));
      model.addAttribute("evidenceDescription", description);
      return page(id, model);
    }
  }

  /** Evidence, as {@code EvidenceController} hands it out: scope check, then the audit, then the bytes. */
  @GetMapping("/cases/{id}/evidence/{sha256}")
  ResponseEntity<byte[]> evidence(@PathVariable String id, @PathVariable String sha256) {
    EvidenceService.Download download = evidence.download(id, sha256, currentUser.get());
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, "evidence " + download.evidence().type() + " " + sha256); // audit
    return EvidenceResponses.download(download);
  }

  /** The PDF, as {@code DocumentController} hands it out: scope check, then the audit, then the bytes. */
  @GetMapping("/cases/{id}/documents/{sha256}")
  ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String sha256) {
    DocumentService.Download download = documents.download(id, sha256, currentUser.get());
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, download.document().type() + " " + sha256); // audit
    CaseDocument d = download.document();
    return PdfAttachment.of(download.pdf(), d.number() + ".pdf", d.title() + "-" + d.number() + ".pdf");
  }

  /**
   * The BPMN of a process version the case has an open task in (as deployed), for the diagram
   * island. Other versions are not served here: this is the case's position, not a model browser.
   */
  @GetMapping(value = "/cases/{id}/diagrams/{key}", produces = "application/xml")
  ResponseEntity<String> diagram(@PathVariable String id, @PathVariable long key) {
    cases.file(id, currentUser.get()); // out of scope: 404
    boolean open = tasks.open(id).stream().anyMatch(p -> p.processDefinitionKey() == key);
    String xml = open ? catalog.xml(key).orElse(null) : null;
    if (xml == null) {
      throw new NotFoundProblem("no diagram " + key + " for case " + id);
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(xml);
  }

  private List<Diagram> diagrams(String caseId) {
    Map<Long, List<CaseTasks.Position>> byVersion = new LinkedHashMap<>();
    for (CaseTasks.Position p : tasks.open(caseId)) {
      byVersion.computeIfAbsent(p.processDefinitionKey(), k -> new java.util.ArrayList<>()).add(p);
    }
    return byVersion.entrySet().stream()
        .map(e -> new Diagram(e.getValue().get(0).processId(), e.getKey(),
            e.getValue().stream().map(CaseTasks.Position::elementId).distinct().toList(),
            e.getValue().stream().map(CaseTasks.Position::name).distinct().toList()))
        .toList();
  }
}
