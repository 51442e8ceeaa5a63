package org.jiefen.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.jiefen.pii.Masking;
import org.springframework.stereotype.Service;

/**
 * The durable mail outbox. A job that wants a mail sent only enqueues it: one record per (event key,
 * recipient), created with op_type create, so a retried or twice-delivered job cannot queue a
 * second one. The {@link MailDispatcher} delivers it, retrying with backoff while SMTP is down, so
 * an SMTP outage never holds up a case's process.
 *
 * <p>Subject and text are masked here, before anything is stored: no ID or phone number reaches
 * the index, the SMTP server or a log.
 */
@Service
public class Outbox {

  /**
   * A mail to queue.
   *
   * @param key the event it belongs to, stable across job retries (e.g. case, template and element instance)
   * @param caseId the case, for finding its mail later; may be null
   * @param template the template name, for finding its mail later; may be null
   */
  public record Mail(String key, String caseId, String template, String to, String subject, String text) {}

  // A subject line is one header: nothing that could end it or start another.
  private static final int LONGEST_SUBJECT = 200;
  private static final int LONGEST_TEXT = 20_000;

  private final OutboxStore store;
  private final MailDispatcher dispatcher;
  private final Clock clock;

  Outbox(OutboxStore store, MailDispatcher dispatcher, Clock clock) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.clock = clock;
  }

  /**
   * Queues the mail durably and wakes the dispatcher. Returns true when it was queued now, false
   * when this (event, recipient) had been queued before (whatever its state).
   *
   * @throws IllegalArgumentException when the recipient is not one plain, valid address or the key is blank
   * @throws RuntimeException when Elasticsearch cannot store it: the caller must fail and retry
   */
  public boolean enqueue(Mail mail) {
    if (mail.key() == null || mail.key().isBlank()) {
      throw new IllegalArgumentException("mail key is required");
    }
    String to = recipient(mail.to());
    Instant now = clock.instant();
    OutboxRecord record =
        new OutboxRecord(
            id(mail.key(), to),
            mail.key(),
            mail.caseId(),
            mail.template(),
            to,
            subject(mail.subject()),
            text(mail.text()),
            MailStatus.PENDING,
            0,
            now,
            now,
            null,
            null,
            null);
    boolean created = store.create(record);
    if (created) {
      dispatcher.wake(record.id());
    }
    return created;
  }

  /** The outbox record of this (event key, recipient), if it was queued. */
  public Optional<OutboxRecord> find(String key, String to) {
    return store.get(id(key, recipient(to))).map(OutboxStore.Versioned::record);
  }

  /** The record id: the same (event, recipient) always gets the same id, whatever the address's case. */
  static String id(String key, String to) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((key + "|" + to.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One bare address; anything that could smuggle a header or a second recipient is refused. */
  static String recipient(String to) {
    if (to == null || to.isBlank() || to.chars().anyMatch(Character::isISOControl) || to.contains(",")) {
      throw new IllegalArgumentException("invalid recipient");
    }
    try {
      InternetAddress address = new InternetAddress(to.strip(), true);
      address.validate();
      if (address.getPersonal() != null || address.isGroup()) {
        throw new IllegalArgumentException("invalid recipient");
      }
      return address.getAddress();
    } catch (AddressException e) {
      throw new IllegalArgumentException("invalid recipient");
    }
  }

  static String subject(String subject) {
    // Masked last, so that no number can be put together from pieces a control character kept apart.
    String oneLine = (subject == null ? "" : subject).replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    String masked = Masking.maskText(oneLine);
    return masked.length() <= LONGEST_SUBJECT ? masked : masked.substring(0, LONGEST_SUBJECT);
  }

  static String text(String text) {
    // Line breaks and tabs are text; other control characters have no place in a mail body.
    String clean = (text == null ? "" : text).replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
    String masked = Masking.maskText(clean);
    return masked.length() <= LONGEST_TEXT ? masked : masked.substring(0, LONGEST_TEXT);
  }
}
