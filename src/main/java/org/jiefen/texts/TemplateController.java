package org.jiefen.texts;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import org.jiefen.documents.RenderedDocument;
import org.jiefen.users.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mail templates and document clauses for administrators (only they reach {@code /api/v1/templates},
 * see the security configuration). {@code PUT} saves the administrators' wording (400 naming
 * {@code subject} or {@code text} when it breaks a rule), {@code DELETE} restores the shipped one.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

  record MailBody(String subject, String text) {}

  record ClauseBody(String text) {}

  record MailTemplate(String name, String language, String subject, String text, boolean overridden,
      SortedSet<Integer> arguments, Instant updated, String updatedBy) {
    static MailTemplate of(TemplateService.MailView v) {
      return new MailTemplate(v.template().name(), v.language(), v.subject(), v.text(), v.overridden(),
          v.template().arguments(), v.overridden() ? v.override().updated() : null,
          v.overridden() ? v.override().updatedBy() : null);
    }
  }

  record Clause(String id, String document, String text, boolean overridden, Instant updated, String updatedBy) {
    static Clause of(TemplateService.ClauseView v) {
      return new Clause(v.clause().id(), v.clause().type().id(), v.text(), v.overridden(),
          v.overridden() ? v.override().updated() : null, v.overridden() ? v.override().updatedBy() : null);
    }
  }

  record Overview(List<MailTemplate> mail, List<Clause> documents) {}

  private final TemplateService templates;
  private final CurrentUser currentUser;

  TemplateController(TemplateService templates, CurrentUser currentUser) {
    this.templates = templates;
    this.currentUser = currentUser;
  }

  /** Every mail template in both languages and every clause, as they are now. */
  @GetMapping
  Overview overview() {
    List<MailTemplate> mail = MailTemplateCatalog.LANGUAGES.stream()
        .flatMap(l -> templates.mails(l).stream()).map(MailTemplate::of).toList();
    return new Overview(mail, templates.clauses().stream().map(Clause::of).toList());
  }

  @GetMapping("/mail/{name}/{language}")
  MailTemplate mail(@PathVariable String name, @PathVariable String language) {
    return MailTemplate.of(templates.mail(name, language));
  }

  @PutMapping("/mail/{name}/{language}")
  MailTemplate saveMail(@PathVariable String name, @PathVariable String language, @RequestBody MailBody body) {
    templates.saveMail(name, language, body == null ? null : body.subject(), body == null ? null : body.text(),
        currentUser.get().username());
    return MailTemplate.of(templates.mail(name, language));
  }

  @DeleteMapping("/mail/{name}/{language}")
  MailTemplate restoreMail(@PathVariable String name, @PathVariable String language) {
    templates.restoreMail(name, language);
    return MailTemplate.of(templates.mail(name, language));
  }

  @GetMapping("/documents/{id}")
  Clause clause(@PathVariable String id) {
    return Clause.of(templates.clause(id));
  }

  @PutMapping("/documents/{id}")
  Clause saveClause(@PathVariable String id, @RequestBody ClauseBody body) {
    templates.saveClause(id, body == null ? null : body.text(), currentUser.get().username());
    return Clause.of(templates.clause(id));
  }

  @DeleteMapping("/documents/{id}")
  Clause restoreClause(@PathVariable String id) {
    templates.restoreClause(id);
    return Clause.of(templates.clause(id));
  }

  /** The clause's document for an invented case with the text given (not saved): a PDF. */
  @PostMapping(value = "/documents/{id}/preview", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> previewClause(@PathVariable String id, @RequestBody ClauseBody body) {
    return pdf(templates.previewClause(id, body == null ? null : body.text()));
  }

  static ResponseEntity<byte[]> pdf(RenderedDocument doc) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("preview-" + doc.type().id() + ".pdf").build().toString())
        .body(doc.pdf());
  }
}
