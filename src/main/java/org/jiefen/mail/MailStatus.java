package org.jiefen.mail;

/** Where an outbox mail is in its life. */
public enum MailStatus {
  /** Waiting for its next attempt ({@code nextAttempt}). */
  PENDING,
  /** Claimed by one app instance, which is sending it; the claim ends at {@code leaseUntil}. */
  SENDING,
  SENT,
  /** The SMTP server refused the recipient for good; it is not retried. */
  FAILED
}
