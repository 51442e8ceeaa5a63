package org.jiefen.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox delivers. {@code jiefen.mail.port} (local SMTP server) and {@code jiefen.mail.from}
 * live under the same prefix and are read where they are used.
 *
 * @param dispatchInterval how often the dispatcher looks for due mail besides being woken by an enqueue
 * @param initialBackoff the wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff the longest wait between two attempts
 * @param lease how long a claimed mail is reserved for the instance sending it; a claim older than this
 *     (an instance that crashed mid-send) is taken over. Must exceed the SMTP timeouts.
 * @param batchSize how many due mails one look takes
 */
@ConfigurationProperties("jiefen.mail")
public record OutboxProperties(
    @DefaultValue("2s") Duration dispatchInterval,
    @DefaultValue("5s") Duration initialBackoff,
    @DefaultValue("2m") Duration maxBackoff,
    @DefaultValue("2m") Duration lease,
    @DefaultValue("50") int batchSize) {

  public OutboxProperties {
    if (dispatchInterval.isNegative() || dispatchInterval.isZero()) {
      throw new IllegalArgumentException("jiefen.mail.dispatch-interval must be positive");
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("jiefen.mail.initial-backoff must be positive and at most jiefen.mail.max-backoff");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("jiefen.mail.batch-size must be at least 1");
    }
  }
}
