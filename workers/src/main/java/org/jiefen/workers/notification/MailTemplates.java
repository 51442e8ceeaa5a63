package org.jiefen.workers.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiefen.texts.TextOverride;
import org.jiefen.texts.TextOverrides;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The mail templates in {@code i18n/mail_zh_CN.properties} and {@code i18n/mail_en.properties}:
 * {@code mail.<template>.subject} and {@code mail.<template>.text}, MessageFormat patterns over the
 * arguments of {@link MailFacts}. An administrator's wording of a template's subject and text in the
 * reader's language ({@link TextOverrides}) comes before the bundle's.
 */
final class MailTemplates {

  private static final Logger LOG = LoggerFactory.getLogger(MailTemplates.class);

  static final String BASENAME = "i18n/mail";
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** A rendered mail. */
  record Rendered(String subject, String text) {}

  private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
  private final TextOverrides overrides;

  /** The shipped templates only. */
  MailTemplates() {
    this(null);
  }

  /** @param overrides the administrators' wording, or null for the shipped templates only */
  MailTemplates(TextOverrides overrides) {
    this.overrides = overrides;
    messages.setBasename(BASENAME);
    messages.setDefaultEncoding("UTF-8");
    // A locale without a bundle must not fall back to whatever the server's locale is.
    messages.setFallbackToSystemLocale(false);
    messages.setAlwaysUseMessageFormat(true);
  }

  /** Whether the template exists (in Chinese, which every template has). */
  boolean exists(String template) {
    return template != null
        && NAME.matcher(template).matches()
        && messages.getMessage("mail." + template + ".subject", null, null, Locale.SIMPLIFIED_CHINESE) != null
        && messages.getMessage("mail." + template + ".text", null, null, Locale.SIMPLIFIED_CHINESE) != null;
  }

  Rendered render(String template, Locale locale, Object[] args) {
    Optional<TextOverride> own = overrides == null ? Optional.empty() : overrides.mail(template, locale);
    if (own.isPresent()) {
      try {
        return new Rendered(new MessageFormat(own.get().subject(), locale).format(args),
            new MessageFormat(own.get().text(), locale).format(args) + phrase("mail.signature", locale));
      } catch (IllegalArgumentException e) {
        // checked when saved, so this is a wording saved by an older rule: the shipped one still says it
        LOG.warn("the administrators' wording of mail {} cannot be used ({}); the shipped template is", template,
            e.getMessage());
      }
    }
    return new Rendered(
        messages.getMessage("mail." + template + ".subject", args, locale),
        messages.getMessage("mail." + template + ".text", args, locale) + phrase("mail.signature", locale));
  }

  /** A phrase, or {@code fallback} when the bundle has none under {@code key}. */
  String phraseOr(String key, String fallback, Locale locale) {
    // not getMessage(key, args, fallback, locale): that would run the fallback through MessageFormat
    String found = messages.getMessage(key, null, null, locale);
    return found == null ? fallback : found;
  }

  /** A phrase that fills an argument (a reason, the word for a missing value). */
  String phrase(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
