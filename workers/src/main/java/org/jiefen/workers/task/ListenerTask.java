package org.jiefen.workers.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The user task a listener job is about. A cluster's gateway hands it over as
 * {@link ActivatedJob#getUserTask()}; the embedded engine's gateway leaves it in the reserved
 * {@code io.camunda.zeebe:*} headers, so both are read.
 */
record ListenerTask(
    long key, String assignee, List<String> candidateGroups, List<String> candidateUsers, Instant due, Instant followUp) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "io.camunda.zeebe:";

  static ListenerTask of(ActivatedJob job) {
    UserTaskProperties task = job.getUserTask();
    if (task != null && task.getUserTaskKey() != null) {
      return new ListenerTask(
          task.getUserTaskKey(),
          blankToNull(task.getAssignee()),
          task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups(),
          task.getCandidateUsers() == null ? List.of() : task.getCandidateUsers(),
          instant(task.getDueDate()),
          instant(task.getFollowUpDate()));
    }
    Map<String, String> headers = job.getCustomHeaders();
    String key = headers.get(PREFIX + "userTaskKey");
    if (key == null) {
      throw new IllegalStateException("job " + job.getKey() + " is not a user task listener job");
    }
    return new ListenerTask(
        Long.parseLong(key),
        blankToNull(headers.get(PREFIX + "assignee")),
        list(headers.get(PREFIX + "candidateGroups")),
        list(headers.get(PREFIX + "candidateUsers")),
        instant(headers.get(PREFIX + "dueDate")),
        instant(headers.get(PREFIX + "followUpDate")));
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static Instant instant(String iso) {
    return iso == null || iso.isBlank() ? null : OffsetDateTime.parse(iso).toInstant();
  }

  private static List<String> list(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("unreadable user task header: " + json, e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
