package org.jiefen.workers.petition;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseTimeline;

/** What the petition workers read from a job: variables, and the record of a user task. */
final class PetitionJobs {

  private PetitionJobs() {}

  /** A string variable, or null when it is missing or blank. */
  static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null) {
      return null;
    }
    String s = value.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /** The header, or null when it is missing or blank. */
  static String header(ActivatedJob job, String name) {
    String value = job.getCustomHeaders().get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The key that makes a retried job change nothing twice: the job's element instance. */
  static String key(ActivatedJob job) {
    return Long.toString(job.getElementInstanceKey());
  }

  /** What the user recorded the last time a task of {@code elementId} completed in the case. */
  static Optional<CaseEvent> record(CaseTimeline timeline, String caseId, String elementId) {
    return timeline.latestRecord(caseId, elementId);
  }

  /** A string field of a record's form data, or null. */
  static String field(Optional<CaseEvent> record, String name) {
    return record.map(CaseEvent::data).map(data -> text(data, name)).orElse(null);
  }
}
