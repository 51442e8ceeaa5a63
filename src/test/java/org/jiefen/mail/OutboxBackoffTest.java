package org.jiefen.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxBackoffTest {

  private static final Duration FIVE = Duration.ofSeconds(5);
  private static final Duration CAP = Duration.ofMinutes(2);

  @Test
  void doublesFromTheFirstWaitUpToTheCap() {
    assertThat(Backoff.after(1, FIVE, CAP)).isEqualTo(Duration.ofSeconds(5));
    assertThat(Backoff.after(2, FIVE, CAP)).isEqualTo(Duration.ofSeconds(10));
    assertThat(Backoff.after(3, FIVE, CAP)).isEqualTo(Duration.ofSeconds(20));
    assertThat(Backoff.after(5, FIVE, CAP)).isEqualTo(Duration.ofSeconds(80));
    assertThat(Backoff.after(6, FIVE, CAP)).isEqualTo(CAP);
  }

  @Test
  void neverOverflowsAndNeverWaitsBeforeAFailure() {
    assertThat(Backoff.after(Integer.MAX_VALUE, FIVE, CAP)).isEqualTo(CAP);
    assertThat(Backoff.after(0, FIVE, CAP)).isZero();
  }

  @Test
  void aTenMinuteOutageCostsAFewAttemptsPerMail() {
    Duration waited = Duration.ZERO;
    int attempts = 0;
    while (waited.compareTo(Duration.ofMinutes(10)) < 0) {
      attempts++;
      waited = waited.plus(Backoff.after(attempts, FIVE, CAP));
    }
    // 5+10+20+40+80 s, then every 2 min: about ten attempts, and the mail is never more than 2 min late
    assertThat(attempts).isBetween(8, 11);
  }

  @Test
  void propertiesRefuseAWaitThatCannotGrow() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new OutboxProperties(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(2), CAP, 50))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
