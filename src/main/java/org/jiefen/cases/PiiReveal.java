package org.jiefen.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.pii.PiiProtector;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.users.Role;
import org.jiefen.web.FieldProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Showing a full ID or phone number is an explicit act with a stated reason (a court document, a
 * call to a party), open only to the roles whose work needs it, for cases in their scope.
 */
@RestController
class PiiReveal {

  static final List<Role> MAY_REVEAL = List.of(Role.MEDIATOR, Role.PETITION_CLERK, Role.COURT_LIAISON);

  private final CaseService cases;
  private final PiiProtector pii;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  PiiReveal(CaseService cases, PiiProtector pii, CurrentUser currentUser, AuditLog audit) {
    this.cases = cases;
    this.pii = pii;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  record Request(
      @NotBlank @Pattern(regexp = "idNumber|phone", message = "must be idNumber or phone") String field,
      @NotBlank @Size(min = 4, max = 200) @Pattern(regexp = "[^<>\\r\\n]*", message = "must not contain <, > or line breaks")
          String reason) {}

  record Revealed(String field, String value) {}

  @PostMapping("/api/v1/cases/{id}/parties/{index}/reveal")
  ResponseEntity<Revealed> reveal(@PathVariable String id, @PathVariable int index, @Valid @RequestBody Request request) {
    AppUser user = currentUser.get();
    CaseFile file = cases.file(id, user);
    if (MAY_REVEAL.stream().noneMatch(user::has)) {
      throw new AccessDeniedException("role may not reveal personal data");
    }
    if (index < 0 || index >= file.parties().size()) {
      throw new FieldProblem("index", "no such party");
    }
    CaseFile.StoredParty party = file.parties().get(index);
    String cipher = "idNumber".equals(request.field()) ? party.idCipher() : party.phoneCipher();
    if (cipher == null) {
      throw new FieldProblem("field", "this party has no " + request.field());
    }
    String value = pii.reveal(cipher);
    // audit: written before the number leaves; if it cannot be written, the number is not shown
    audit.record(AuditAction.PII_REVEALED, AuditOutcome.SUCCESS, id, "parties[" + index + "]." + request.field(), request.reason());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Revealed(request.field(), value));
  }
}
