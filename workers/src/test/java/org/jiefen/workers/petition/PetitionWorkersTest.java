package org.jiefen.workers.petition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.Agreements;
import org.junit.jupiter.api.Test;

/**
 * What the petition workers decide before they touch the case file: headers and variables a model
 * gets wrong are incidents (no retries), a forward reaches only the office's options, deadlines
 * and instructions are read the way the forms give them.
 */
class PetitionWorkersTest {

  @Test
  void anUnknownOrMissingMoveIsAnIncidentBeforeAnythingIsRead() {
    RouteWorker worker = new RouteWorker(null, null, null);
    for (String move : new String[] {"sideways", null}) {
      ActivatedJob job = job(move == null ? Map.of() : Map.of("move", move), Map.of("caseId", "XF-1"));
      assertThatThrownBy(() -> worker.route(job)).isInstanceOf(JobError.class)
          .satisfies(e -> assertThat(((JobError) e).getRetries()).isZero())
          .hasMessageContaining("options, self, forward, assign, return, review or re-review");
    }
    assertThatThrownBy(() -> worker.route(job(Map.of("move", "self"), Map.of()))).isInstanceOf(JobError.class)
        .hasMessageContaining("caseId");
  }

  @Test
  void supervisionNeedsTheUnitAndTheClock() {
    SuperviseWorker worker = new SuperviseWorker(null, null);
    assertThatThrownBy(() -> worker.supervise(job(Map.of(), Map.of("caseId", "XF-1", "unitCode", "440306000000"))))
        .isInstanceOf(JobError.class).hasMessageContaining("clockId");
    assertThatThrownBy(() -> worker.supervise(job(Map.of("clock", "petition-handling"), Map.of("caseId", "XF-1"))))
        .isInstanceOf(JobError.class).hasMessageContaining("unitCode");
  }

  @Test
  void aRatingNeedsTheTaskThatHoldsIt() {
    assertThatThrownBy(() -> new RatingWorker(null, null).rate(job(Map.of(), Map.of("caseId", "XF-1"))))
        .isInstanceOf(JobError.class).hasMessageContaining("record header");
  }

  @Test
  void aForwardReachesOnlyTheOfficesOptions() {
    List<Agreements.Option> options =
        List.of(new Agreements.Option("宝安区人力资源局", "440306900001"), new Agreements.Option("新安街道", "440306001000"));

    assertThat(RouteWorker.target("440306900001", options)).isEqualTo("440306900001");
    assertThatThrownBy(() -> RouteWorker.target("440305900001", options))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not among");
    assertThatThrownBy(() -> RouteWorker.target(null, options)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAssignmentIsDueAtTheEndOfTheDayTheOfficeChoseInChina() {
    assertThat(RouteWorker.assignDue("2026-12-31")).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    assertThat(RouteWorker.assignDue("2026-12-31T10:00:00+08:00")).isEqualTo(Instant.parse("2026-12-31T02:00:00Z"));
    assertThat(RouteWorker.assignDue(null)).isNull();
    assertThatThrownBy(() -> RouteWorker.assignDue("next week")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLeadersInstructionIsItsFieldOrTheRecordsText() {
    assertThat(OwnWorker.instruction(Map.of("instruction", " 限十日内办结 ", "takeOwnership", true)))
        .isEqualTo("限十日内办结");
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("takeOwnership", true);
    other.put("opinion", "请区人社局限期办结");
    other.put("note", "每周报告进展");
    assertThat(OwnWorker.instruction(other)).isEqualTo("请区人社局限期办结；每周报告进展");
    assertThat(OwnWorker.instruction(Map.of("takeOwnership", true))).isNull();
    assertThat(OwnWorker.instruction(null)).isNull();
  }

  private static ActivatedJob job(Map<String, String> headers, Map<String, Object> variables) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getVariablesAsMap()).thenReturn(variables);
    when(job.getElementId()).thenReturn("Task_Test");
    when(job.getElementInstanceKey()).thenReturn(42L);
    when(job.getRetries()).thenReturn(10);
    return job;
  }
}
