package org.jiefen.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobFailuresTest {

  @Test
  void backoffDoublesFromFiveSecondsOverTheModelsRetriesUpToTheCap() {
    assertThat(JobFailures.backoff(10, JobFailures.MAX)).isEqualTo(Duration.ofSeconds(5));
    assertThat(JobFailures.backoff(9, JobFailures.MAX)).isEqualTo(Duration.ofSeconds(10));
    assertThat(JobFailures.backoff(5, JobFailures.MAX)).isEqualTo(Duration.ofSeconds(160));
    assertThat(JobFailures.backoff(4, JobFailures.MAX)).isEqualTo(Duration.ofMinutes(5));
    assertThat(JobFailures.backoff(1, JobFailures.MAX)).isEqualTo(Duration.ofMinutes(5));
    assertThat(JobFailures.backoff(6, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(1).plusSeconds(20));
    assertThat(JobFailures.backoff(5, Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
  }
}
