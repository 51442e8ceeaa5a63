package org.jiefen.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueryThrottleTest {

  MutableClock clock = new MutableClock();
  QueryThrottle throttle = new QueryThrottle(5, 20, Duration.ofMinutes(15), clock);

  @Test
  void fiveFailuresForACodeBlockItButNotOtherCodes() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("ABCD2345", "10.0.0.1");
    }
    assertThat(throttle.blocked("ABCD2345", "10.0.0.2")).isFalse();
    throttle.failed("ABCD2345", "10.0.0.1");
    assertThat(throttle.blocked("ABCD2345", "10.0.0.2")).as("from any address").isTrue();
    assertThat(throttle.blocked("EFGH2345", "10.0.0.2")).isFalse();
  }

  @Test
  void twentyFailuresFromAnAddressBlockItForEveryCode() {
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.blocked("CODE" + i, "10.0.0.9")).isFalse();
      throttle.failed("CODE" + i, "10.0.0.9");
    }
    assertThat(throttle.blocked("NEWCODE2", "10.0.0.9")).isTrue();
    assertThat(throttle.blocked("NEWCODE2", "10.0.0.8")).isFalse();
  }

  @Test
  void failuresLeaveTheWindow() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("ABCD2345", "10.0.0.1");
      clock.plus(Duration.ofMinutes(1));
    }
    assertThat(throttle.blocked("ABCD2345", "10.0.0.1")).isTrue();
    clock.plus(Duration.ofMinutes(10)); // the first failure is 15 minutes old now
    assertThat(throttle.blocked("ABCD2345", "10.0.0.1")).isFalse();
    throttle.failed("ABCD2345", "10.0.0.1");
    assertThat(throttle.blocked("ABCD2345", "10.0.0.1")).isTrue();
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-05-01T00:00:00Z");

    void plus(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
