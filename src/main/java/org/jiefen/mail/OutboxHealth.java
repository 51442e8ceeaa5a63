package org.jiefen.mail;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows as {@code outbox} under /actuator/health: how many mails wait and how long the oldest has
 * waited. Always UP (UNKNOWN when the index cannot be read, which the elasticsearch component
 * reports): mail that waits is a symptom to watch, not a reason to take the app out of service.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

  private final OutboxStore store;
  private final Clock clock;

  OutboxHealth(OutboxStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Health health() {
    try {
      OutboxStore.Backlog backlog = store.backlog();
      Health.Builder health = Health.up().withDetail("pending", backlog.waiting()).withDetail("failed", backlog.failed());
      if (backlog.oldestWaiting() != null) {
        Duration age = Duration.between(backlog.oldestWaiting(), clock.instant());
        health.withDetail("oldestPendingSince", backlog.oldestWaiting().toString())
            .withDetail("oldestPendingAge", (age.isNegative() ? Duration.ZERO : age).withNanos(0).toString());
      }
      return health.build();
    } catch (RuntimeException e) {
      return Health.unknown().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
