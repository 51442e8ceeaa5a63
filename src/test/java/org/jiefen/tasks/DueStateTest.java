package org.jiefen.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueStateTest {

  static final Instant FOLLOW_UP = Instant.parse("2026-12-10T00:00:00Z");
  static final Instant DUE = Instant.parse("2026-12-15T00:00:00Z");

  @ParameterizedTest(name = "{0} at {1} with follow-up {2}: {3}")
  @CsvSource({
    "CREATED,  2026-12-01T00:00:00Z,     true,  GREEN",
    "CREATED,  2026-12-09T23:59:59.999Z, true,  GREEN",
    "ASSIGNED, 2026-12-10T00:00:00Z,     true,  YELLOW",
    "CREATED,  2026-12-14T23:59:59.999Z, true,  YELLOW",
    "CREATED,  2026-12-15T00:00:00Z,     true,  RED",
    "ASSIGNED, 2027-01-01T00:00:00Z,     true,  RED",
    "CREATED,  2026-12-14T00:00:00Z,     false, GREEN",
    "CREATED,  2026-12-15T00:00:00Z,     false, RED",
    "COMPLETED, 2027-01-01T00:00:00Z,    true,  NONE",
    "CANCELED, 2026-12-12T00:00:00Z,     true,  NONE"
  })
  void followsTheClockForOpenTasks(TaskState state, Instant now, boolean withFollowUp, DueState expected) {
    assertThat(DueState.of(state, DUE, withFollowUp ? FOLLOW_UP : null, now)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"CREATED", "ASSIGNED"})
  void aTaskWithoutDueDateHasNone(TaskState state) {
    assertThat(DueState.of(state, null, FOLLOW_UP, FOLLOW_UP.plusSeconds(1))).isEqualTo(DueState.NONE);
  }
}
