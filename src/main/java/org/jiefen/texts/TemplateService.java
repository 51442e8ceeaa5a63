package org.jiefen.texts;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.documents.DocumentClause;
import org.jiefen.documents.DocumentRenderer;
import org.jiefen.documents.RenderedDocument;
import org.jiefen.pii.Masking;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Reading, checking, previewing, saving and restoring the administrators' texts, for the page and
 * the API alike. A save checks again whatever the caller checked, records {@code TEMPLATE_SAVED}
 * with the text's key and the SHA-256 of what was saved (the wording itself is in the store), and
 * applies to the next mail queued or document generated.
 */
@Service
class TemplateService {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  /** A mail template in one language as it is now. */
  record MailView(MailTemplateCatalog.Template template, String language, String subject, String text,
      TextOverride override) {
    public boolean overridden() {
      return override != null;
    }
  }

  /** A document clause as it is now. */
  record ClauseView(DocumentClause clause, String text, TextOverride override, boolean templateReplaced) {
    public boolean overridden() {
      return override != null;
    }
  }

  /** A rendered mail: subject, and the text with the signature every mail ends with. */
  record Preview(String subject, String text) {}

  private final MailTemplateCatalog catalog;
  private final TextOverrides overrides;
  private final MessageSource messages;
  private final DocumentRenderer documents;
  private final AuditLog audit;

  TemplateService(MailTemplateCatalog catalog, TextOverrides overrides, MessageSource messages,
      DocumentRenderer documents, AuditLog audit) {
    this.catalog = catalog;
    this.overrides = overrides;
    this.messages = messages;
    this.documents = documents;
    this.audit = audit;
  }

  static Locale locale(String language) {
    return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  /** Unknown template or language: 404, as an unknown page. */
  MailTemplateCatalog.Template template(String name, String language) {
    if (!MailTemplateCatalog.LANGUAGES.contains(language)) {
      throw new NotFoundProblem("no language " + language + "; use zh_CN or en");
    }
    return catalog.find(name).orElseThrow(() -> new NotFoundProblem("no mail template " + name));
  }

  List<MailView> mails(String language) {
    return catalog.templates().stream().map(t -> view(t, language)).toList();
  }

  MailView mail(String name, String language) {
    return view(template(name, language), language);
  }

  private MailView view(MailTemplateCatalog.Template t, String language) {
    Optional<TextOverride> own = overrides.find(TextOverride.MAIL, t.name(), language);
    return new MailView(t, language, own.map(TextOverride::subject).orElse(t.subject().get(language)),
        own.map(TextOverride::text).orElse(t.text().get(language)), own.orElse(null));
  }

  /** The sample value of each argument in the template's language ({@code texts.mail.sample.<n>}). */
  Object[] samples(String language) {
    Object[] samples = new Object[MailTemplateCatalog.ARGUMENTS];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = messages.getMessage("texts.mail.sample." + i, null, locale(language));
    }
    return samples;
  }

  List<TextError> checkMail(MailTemplateCatalog.Template t, String language, String subject, String text) {
    List<TextError> errors = new ArrayList<>();
    Object[] samples = samples(language);
    errors.addAll(MailPattern.check("subject", subject, true, t.arguments(), locale(language), samples));
    errors.addAll(MailPattern.check("text", text, false, t.arguments(), locale(language), samples));
    return errors;
  }

  /** The mail as a reader of the language would get it, with the sample arguments; the patterns are valid. */
  Preview preview(String language, String subject, String text) {
    Locale locale = locale(language);
    Object[] samples = samples(language);
    // the samples are masked already; mask again as the outbox does, so the preview shows what is sent
    return new Preview(Masking.maskText(new MessageFormat(subject, locale).format(samples)),
        Masking.maskText(new MessageFormat(text, locale).format(samples) + catalog.signature(language)));
  }

  TextOverride saveMail(String name, String language, String subject, String text, String user) {
    MailTemplateCatalog.Template t = template(name, language);
    String s = normalize(subject);
    String x = normalize(text);
    refuse(checkMail(t, language, s, x));
    TextOverride saved = overrides.save(TextOverride.MAIL, t.name(), language, s, x, user);
    audit.record(AuditAction.TEMPLATE_SAVED, AuditOutcome.SUCCESS, null, saved.id(), "sha256=" + saved.hash()); // audit
    return saved;
  }

  /** Back to the shipped wording; audited when there was an override. */
  boolean restoreMail(String name, String language) {
    MailTemplateCatalog.Template t = template(name, language);
    boolean deleted = overrides.restore(TextOverride.MAIL, t.name(), language);
    if (deleted) {
      audit.record(AuditAction.TEMPLATE_SAVED, AuditOutcome.SUCCESS, null,
          TextOverride.id(TextOverride.MAIL, t.name(), language), "default restored"); // audit
    }
    return deleted;
  }

  DocumentClause clauseOf(String id) {
    return DocumentClause.byId(id).orElseThrow(() -> new NotFoundProblem("no document clause " + id));
  }

  List<ClauseView> clauses() {
    return java.util.Arrays.stream(DocumentClause.values()).map(this::view).toList();
  }

  ClauseView clause(String id) {
    return view(clauseOf(id));
  }

  private ClauseView view(DocumentClause c) {
    Optional<TextOverride> own = overrides.find(TextOverride.DOCUMENT, c.id(), "zh_CN");
    return new ClauseView(c, own.map(TextOverride::text).orElse(c.defaultText()), own.orElse(null),
        documents.templateReplaced(c.type()));
  }

  /** Plain text: not empty, at most {@link DocumentClause#MAX_LENGTH} characters in {@link DocumentClause#MAX_LINES} lines. */
  static List<TextError> checkClause(String text) {
    List<TextError> errors = new ArrayList<>();
    if (text == null || text.isBlank()) {
      errors.add(new TextError("text", "required"));
    } else if (text.length() > DocumentClause.MAX_LENGTH) {
      errors.add(new TextError("text", "tooLong", DocumentClause.MAX_LENGTH));
    } else if (text.lines().filter(l -> !l.isBlank()).count() > DocumentClause.MAX_LINES) {
      errors.add(new TextError("text", "tooManyLines", DocumentClause.MAX_LINES));
    } else if (CONTROL.matcher(text).find()) {
      errors.add(new TextError("text", "control"));
    } else if (!Masking.maskText(text).equals(text)) {
      errors.add(new TextError("text", "personalData"));
    }
    return errors;
  }

  /** The clause's document for an invented case with {@code text} as the clause (checked first). */
  RenderedDocument previewClause(String id, String text) {
    DocumentClause c = clauseOf(id);
    String x = normalize(text);
    refuse(checkClause(x));
    return documents.preview(c.type(), c, x);
  }

  TextOverride saveClause(String id, String text, String user) {
    DocumentClause c = clauseOf(id);
    String x = normalize(text);
    refuse(checkClause(x));
    TextOverride saved = overrides.save(TextOverride.DOCUMENT, c.id(), "zh_CN", null, x, user);
    audit.record(AuditAction.TEMPLATE_SAVED, AuditOutcome.SUCCESS, null, saved.id(), "sha256=" + saved.hash()); // audit
    return saved;
  }

  boolean restoreClause(String id) {
    DocumentClause c = clauseOf(id);
    boolean deleted = overrides.restore(TextOverride.DOCUMENT, c.id(), "zh_CN");
    if (deleted) {
      audit.record(AuditAction.TEMPLATE_SAVED, AuditOutcome.SUCCESS, null,
          TextOverride.id(TextOverride.DOCUMENT, c.id(), "zh_CN"), "default restored"); // audit
    }
    return deleted;
  }

  /** Browsers send line breaks as CR LF; stored texts use LF and carry no surrounding blank space. */
  static String normalize(String value) {
    return value == null ? null : value.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  private static void refuse(List<TextError> errors) {
    if (!errors.isEmpty()) {
      throw new FieldProblem(errors.stream().map(e -> new FieldProblem.Violation(e.field(), e.english())).toList());
    }
  }
}
