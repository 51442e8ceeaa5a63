package org.jiefen.workers.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The starts a model may give in the variable its {@code from} header names. */
class ClockWorkerTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void datesAndDateTimesAreReadInTheCalendarsZoneUnlessTheySayOtherwise() {
    assertThat(ClockWorker.instant("2026-11-02", SHANGHAI)).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
    assertThat(ClockWorker.instant("2026-11-02T09:30:00", SHANGHAI)).isEqualTo(Instant.parse("2026-11-02T01:30:00Z"));
    assertThat(ClockWorker.instant("2026-11-02T09:30:00Z", SHANGHAI)).isEqualTo(Instant.parse("2026-11-02T09:30:00Z"));
    assertThat(ClockWorker.instant("2026-11-02T09:30+08:00", SHANGHAI)).isEqualTo(Instant.parse("2026-11-02T01:30:00Z"));
    // FEEL date and time values with a zone id
    assertThat(ClockWorker.instant("2026-11-02T09:30+08:00[Asia/Shanghai]", SHANGHAI))
        .isEqualTo(Instant.parse("2026-11-02T01:30:00Z"));
    assertThatThrownBy(() -> ClockWorker.instant("2 November", SHANGHAI)).isInstanceOf(DateTimeParseException.class);
  }
}
