package org.jiefen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClockDueStateTest {

  static final Instant START = Instant.parse("2026-11-01T16:00:00Z");
  static final Instant WARN = Instant.parse("2026-11-14T16:00:00Z");
  static final Instant DUE = Instant.parse("2026-11-17T16:00:00Z");

  @Test
  void greenThenYellowFromTheWarningThenRedFromDue() {
    CaseClock running = clock(CaseClock.RUNNING, null, List.of());
    assertThat(ClockDueState.of(running, WARN.minusSeconds(1))).isEqualTo(ClockDueState.GREEN);
    assertThat(ClockDueState.of(running, WARN)).isEqualTo(ClockDueState.YELLOW);
    assertThat(ClockDueState.of(running, DUE)).isEqualTo(ClockDueState.RED);
    assertThat(ClockDueState.of(clock(CaseClock.OVERDUE, null, List.of()), DUE.plusSeconds(60))).isEqualTo(ClockDueState.RED);
  }

  @Test
  void anEndedClockHasNoneAndAPausedOneKeepsItsColour() {
    assertThat(ClockDueState.of(clock(CaseClock.MET, DUE.minusSeconds(60), List.of()), DUE.plusSeconds(60)))
        .isEqualTo(ClockDueState.NONE);
    CaseClock paused = clock(CaseClock.PAUSED, null, List.of(new CaseClock.Pause(WARN.minusSeconds(3600), null, "听证")));
    assertThat(ClockDueState.of(paused, DUE.plusSeconds(3600))).isEqualTo(ClockDueState.GREEN);
  }

  private static CaseClock clock(String state, Instant ended, List<CaseClock.Pause> pauses) {
    return new CaseClock("court-decision", "司法确认审查期限", "第五条", "15d", START, WARN, DUE, state, ended, pauses,
        List.of(), null, "run-1");
  }
}
