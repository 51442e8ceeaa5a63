package org.jiefen.texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/templates}: the mail templates (list, then one template in one language: its
 * arguments, an edit form, a preview with sample data) and the document clauses (list, edit, a PDF
 * preview of the clause's document for an invented case). The mail form shows apostrophes as they
 * read ({@link #plain}); the API takes MessageFormat patterns as stored. Plain forms, no script: the buttons of a
 * form preview, save or restore the default; problems show at their field with what was typed.
 * Only administrators reach {@code /admin/**}; saves are audited by {@link TemplateService}.
 */
@Controller
@WebPage
class TemplatePages {

  private final TemplateService templates;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  TemplatePages(TemplateService templates, CurrentUser currentUser, MessageSource messages) {
    this.templates = templates;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/admin/templates")
  String list(@RequestParam(defaultValue = "mail") String tab, Model model) {
    boolean documents = "documents".equals(tab);
    model.addAttribute("tab", documents ? "documents" : "mail");
    if (documents) {
      model.addAttribute("clauses", templates.clauses());
    } else {
      String language = TextOverrides.language(LocaleContextHolder.getLocale());
      model.addAttribute("language", language);
      model.addAttribute("mails", templates.mails(language));
      model.addAttribute("other", templates.mails(language.equals("en") ? "zh_CN" : "en"));
    }
    return "texts/list";
  }

  @GetMapping("/admin/templates/mail/{name}")
  String mail(@PathVariable String name, @RequestParam(defaultValue = "zh_CN") String language, Model model) {
    TemplateService.MailView view = templates.mail(name, language);
    return showMail(view, plain(view.subject()), plain(view.text()), Map.of(),
        templates.preview(language, view.subject(), view.text()), model);
  }

  /** {@code action}: preview (check and show), save (check, save, back to the template), restore (the default). */
  @PostMapping("/admin/templates/mail/{name}")
  String mailAction(@PathVariable String name, @RequestParam(defaultValue = "zh_CN") String language,
      @RequestParam(required = false) String subject, @RequestParam(required = false) String text,
      @RequestParam(defaultValue = "preview") String action, Model model) {
    TemplateService.MailView view = templates.mail(name, language);
    if (action.equals("restore")) {
      templates.restoreMail(name, language);
      return "redirect:/admin/templates/mail/" + view.template().name() + "?language=" + language + "&restored";
    }
    String s = pattern(TemplateService.normalize(subject));
    String x = pattern(TemplateService.normalize(text));
    Map<String, String> errors = messages(templates.checkMail(view.template(), language, s, x));
    if (!errors.isEmpty()) {
      return showMail(view, plain(s), plain(x), errors, null, model);
    }
    if (action.equals("save")) {
      templates.saveMail(name, language, s, x, currentUser.get().username());
      return "redirect:/admin/templates/mail/" + view.template().name() + "?language=" + language + "&saved";
    }
    return showMail(view, plain(s), plain(x), errors, templates.preview(language, s, x), model);
  }

  @GetMapping("/admin/templates/documents/{id}")
  String clause(@PathVariable String id, Model model) {
    TemplateService.ClauseView view = templates.clause(id);
    return showClause(view, view.text(), Map.of(), model);
  }

  @PostMapping("/admin/templates/documents/{id}")
  String clauseAction(@PathVariable String id, @RequestParam(required = false) String text,
      @RequestParam(defaultValue = "save") String action, Model model) {
    TemplateService.ClauseView view = templates.clause(id);
    if (action.equals("restore")) {
      templates.restoreClause(id);
      return "redirect:/admin/templates/documents/" + view.clause().id() + "?restored";
    }
    String x = TemplateService.normalize(text);
    Map<String, String> errors = messages(TemplateService.checkClause(x));
    if (!errors.isEmpty()) {
      return showClause(view, x, errors, model);
    }
    templates.saveClause(id, x, currentUser.get().username());
    return "redirect:/admin/templates/documents/" + view.clause().id() + "?saved";
  }

  /** The clause's document with the text as typed (not saved), or the form with the problem. */
  @PostMapping("/admin/templates/documents/{id}/preview")
  Object clausePreview(@PathVariable String id, @RequestParam(required = false) String text, Model model) {
    TemplateService.ClauseView view = templates.clause(id);
    String x = TemplateService.normalize(text);
    Map<String, String> errors = messages(TemplateService.checkClause(x));
    if (!errors.isEmpty()) {
      return showClause(view, x, errors, model);
    }
    ResponseEntity<byte[]> pdf = TemplateController.pdf(templates.previewClause(id, x));
    return pdf;
  }

  /** The clause's document with the saved wording (or the default). */
  @GetMapping("/admin/templates/documents/{id}/preview.pdf")
  ResponseEntity<byte[]> clausePdf(@PathVariable String id) {
    TemplateService.ClauseView view = templates.clause(id);
    return TemplateController.pdf(templates.previewClause(id, view.text()));
  }

  private String showMail(TemplateService.MailView view, String subject, String text, Map<String, String> errors,
      TemplateService.Preview preview, Model model) {
    model.addAttribute("view", view);
    model.addAttribute("subject", subject);
    model.addAttribute("text", text);
    model.addAttribute("errors", errors);
    model.addAttribute("preview", preview);
    model.addAttribute("languages", MailTemplateCatalog.LANGUAGES);
    return "texts/mail";
  }

  private String showClause(TemplateService.ClauseView view, String text, Map<String, String> errors, Model model) {
    model.addAttribute("view", view);
    model.addAttribute("text", text);
    model.addAttribute("errors", errors);
    model.addAttribute("maxLength", org.jiefen.documents.DocumentClause.MAX_LENGTH);
    model.addAttribute("maxLines", org.jiefen.documents.DocumentClause.MAX_LINES);
    return "texts/clause";
  }

  /**
   * A pattern as the form shows it: an apostrophe as it reads. Administrators cannot quote in
   * MessageFormat's sense (a lone quote is refused), so doubling every apostrophe on the way back
   * ({@link #pattern}) gives the stored pattern exactly.
   */
  static String plain(String pattern) {
    return pattern == null ? null : pattern.replace("''", "'");
  }

  /** What the form sent as a MessageFormat pattern: every apostrophe doubled. */
  static String pattern(String plain) {
    return plain == null ? null : plain.replace("'", "''");
  }

  /** The first problem of each field in the page's language. */
  private Map<String, String> messages(List<TextError> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TextError e : errors) {
      out.putIfAbsent(e.field(), messages.getMessage("texts.error." + e.code(), e.args().toArray(),
          LocaleContextHolder.getLocale()));
    }
    return out;
  }
}
