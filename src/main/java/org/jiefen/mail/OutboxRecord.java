package org.jiefen.mail;

import java.time.Instant;

/**
 * One mail in the outbox index, id = hash of (event key, recipient). Subject and text are stored
 * already masked, so nothing in the index holds an ID or phone number; {@code lastError} is masked too.
 */
public record OutboxRecord(
    String id,
    String key,
    String caseId,
    String template,
    String to,
    String subject,
    String text,
    MailStatus status,
    int attempts,
    Instant created,
    Instant nextAttempt,
    Instant leaseUntil,
    Instant sentAt,
    String lastError) {

  OutboxRecord claimed(Instant leaseUntil) {
    return new OutboxRecord(id, key, caseId, template, to, subject, text, MailStatus.SENDING, attempts, created,
        nextAttempt, leaseUntil, null, lastError);
  }

  OutboxRecord sent(Instant at) {
    return new OutboxRecord(id, key, caseId, template, to, subject, text, MailStatus.SENT, attempts + 1, created,
        null, null, at, lastError);
  }

  OutboxRecord retryAt(Instant next, String error) {
    return new OutboxRecord(id, key, caseId, template, to, subject, text, MailStatus.PENDING, attempts + 1, created,
        next, null, null, error);
  }

  OutboxRecord failed(String error) {
    return new OutboxRecord(id, key, caseId, template, to, subject, text, MailStatus.FAILED, attempts + 1, created,
        null, null, null, error);
  }

  /** Due for an attempt now: pending and its time has come, or claimed by an instance whose lease ran out. */
  boolean due(Instant now) {
    return switch (status) {
      case PENDING -> nextAttempt == null || !nextAttempt.isAfter(now);
      case SENDING -> leaseUntil == null || leaseUntil.isBefore(now);
      default -> false;
    };
  }
}
