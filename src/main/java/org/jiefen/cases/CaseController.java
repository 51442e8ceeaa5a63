package org.jiefen.cases;

import jakarta.validation.Valid;
import java.net.URI;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

  private final CaseService cases;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  CaseController(CaseService cases, CurrentUser currentUser, AuditLog audit) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /**
   * {@code possibleDuplicates}: earlier cases the intake found (mediation: the same party and similar
   * text, the process asks the clerk; petition: the same person or matter, linked at once), those
   * the registrar may see.
   */
  record Created(String id, String queryCode, String status, java.util.List<String> possibleDuplicates) {}

  @PostMapping
  ResponseEntity<Created> register(@Valid @RequestBody NewCase request) {
    var user = currentUser.get();
    CaseFile file = cases.register(request, user);
    audit.record(AuditAction.CASE_CREATED, file.id(), null); // audit
    return ResponseEntity.created(URI.create("/api/v1/cases/" + file.id()))
        .body(new Created(file.id(), file.queryCode(), file.status(), cases.visible(file.duplicates(), user)));
  }

  @GetMapping("/{id}")
  CaseView get(@PathVariable String id) {
    CaseView view = cases.view(id, currentUser.get());
    audit.record(AuditAction.CASE_READ, id, null); // audit: before the file leaves; failure = 503, no file
    return view;
  }
}
