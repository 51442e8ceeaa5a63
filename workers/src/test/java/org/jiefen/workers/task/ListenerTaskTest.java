package org.jiefen.workers.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenerTaskTest {

  @Test
  void readsTheUserTaskFromTheReservedHeadersOfTheEmbeddedGateway() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getCustomHeaders())
        .thenReturn(
            Map.of(
                "io.camunda.zeebe:userTaskKey", "2251799813685330",
                "io.camunda.zeebe:candidateGroups", "[\"mediator:440306001001\",\"supervisor:440306001000\"]",
                "io.camunda.zeebe:assignee", "",
                "io.camunda.zeebe:dueDate", "2026-12-22T15:02:39Z",
                "io.camunda.zeebe:followUpDate", "2026-12-15T15:02:39Z",
                "template", "ignored"));

    ListenerTask task = ListenerTask.of(job);

    assertThat(task.key()).isEqualTo(2251799813685330L);
    assertThat(task.candidateGroups()).containsExactly("mediator:440306001001", "supervisor:440306001000");
    assertThat(task.candidateUsers()).isEmpty();
    assertThat(task.assignee()).isNull();
    assertThat(task.due()).isEqualTo(Instant.parse("2026-12-22T15:02:39Z"));
    assertThat(task.followUp()).isEqualTo(Instant.parse("2026-12-15T15:02:39Z"));
  }

  @Test
  void aTaskWithoutScheduleHasNeitherDueNorFollowUp() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getCustomHeaders())
        .thenReturn(Map.of("io.camunda.zeebe:userTaskKey", "7", "io.camunda.zeebe:dueDate", "", "io.camunda.zeebe:followUpDate", ""));

    ListenerTask task = ListenerTask.of(job);

    assertThat(task.due()).isNull();
    assertThat(task.followUp()).isNull();
  }

  @Test
  void prefersTheUserTaskPropertiesOfAClusterGateway() {
    ActivatedJob job = mock(ActivatedJob.class);
    UserTaskProperties properties = mock(UserTaskProperties.class);
    when(job.getUserTask()).thenReturn(properties);
    when(properties.getUserTaskKey()).thenReturn(42L);
    when(properties.getAssignee()).thenReturn("haiwang-mediator");
    when(properties.getCandidateGroups()).thenReturn(List.of("mediator:440306001001"));
    when(properties.getDueDate()).thenReturn(OffsetDateTime.of(2026, 12, 22, 23, 0, 0, 0, ZoneOffset.ofHours(8)));
    when(properties.getFollowUpDate()).thenReturn(OffsetDateTime.of(2026, 12, 20, 8, 0, 0, 0, ZoneOffset.ofHours(8)));

    ListenerTask task = ListenerTask.of(job);

    assertThat(task.key()).isEqualTo(42L);
    assertThat(task.assignee()).isEqualTo("haiwang-mediator");
    assertThat(task.due()).isEqualTo(Instant.parse("2026-12-22T15:00:00Z"));
    assertThat(task.followUp()).isEqualTo(Instant.parse("2026-12-20T00:00:00Z"));
  }

  @Test
  void aJobThatIsNotAboutAUserTaskIsAnError() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getCustomHeaders()).thenReturn(Map.of());
    assertThatThrownBy(() -> ListenerTask.of(job)).hasMessageContaining("not a user task listener job");
  }

  @Test
  void theTasksUnitComesFromItsFirstUnitScopedGroup() {
    assertThat(TaskListenerWorker.unitOf(List.of("admins", "mediator:440306001001"), "x")).isEqualTo("440306001001");
    assertThat(TaskListenerWorker.unitOf(List.of(), "440306000000")).isEqualTo("440306000000");
  }
}
