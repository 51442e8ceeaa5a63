package org.jiefen.texts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiefen.documents.DocumentClause;
import org.jiefen.documents.DocumentClauses;
import org.jiefen.search.IndexTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The administrators' texts as the mail worker and the documents read them: a snapshot of every
 * override, so rendering a mail or a document asks nothing of Elasticsearch. A save or a restore on
 * this instance rereads the snapshot before it returns (the next mail queued uses the new wording);
 * other instances reread it every {@code jiefen.texts.refresh} (default 30 s).
 */
@Service
public class TextOverrides implements DocumentClauses, InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(TextOverrides.class);

  private final TextOverrideStore store;
  private final Clock clock;
  private volatile Map<String, TextOverride> snapshot = Map.of();

  // IndexTemplates is taken so the index exists before the first read.
  TextOverrides(TextOverrideStore store, Clock clock, IndexTemplates indexReady) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    reload();
  }

  /** The language a template is kept in for a reader: English for English, Chinese for everyone else. */
  public static String language(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh_CN";
  }

  /** The administrators' wording of a mail template in the reader's language, if they changed it. */
  public Optional<TextOverride> mail(String template, Locale locale) {
    return find(TextOverride.MAIL, template, language(locale));
  }

  @Override
  public String text(DocumentClause clause) {
    return find(TextOverride.DOCUMENT, clause.id(), "zh_CN").map(TextOverride::text).orElseGet(clause::defaultText);
  }

  Optional<TextOverride> find(String kind, String name, String language) {
    return Optional.ofNullable(snapshot.get(TextOverride.id(kind, name, language)));
  }

  TextOverride save(String kind, String name, String language, String subject, String text, String user) {
    TextOverride override = new TextOverride(kind, name, language, subject, text, hash(subject, text), clock.instant(), user);
    store.put(override);
    reload();
    return override;
  }

  /** Deletes the override (the default applies again); whether there was one. */
  boolean restore(String kind, String name, String language) {
    boolean deleted = store.delete(TextOverride.id(kind, name, language));
    reload();
    return deleted;
  }

  /** Rereads every override (on its own schedule, so that saves on other instances arrive here). */
  @Scheduled(fixedDelayString = "${jiefen.texts.refresh:30s}", initialDelayString = "${jiefen.texts.refresh:30s}")
  public void refresh() {
    try {
      reload();
    } catch (RuntimeException e) {
      // keep the last snapshot: a mail in the previous wording is better than no mail
      LOG.warn("text overrides not reread, the previous ones stay in use: {}", e.getMessage());
    }
  }

  private void reload() {
    snapshot = store.all().stream()
        .collect(Collectors.toUnmodifiableMap(TextOverride::id, Function.identity(), (a, b) -> a));
  }

  /** SHA-256 of the subject (if any) and the text, as the audit trail records a save. */
  static String hash(String subject, String text) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      if (subject != null) {
        digest.update(subject.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
