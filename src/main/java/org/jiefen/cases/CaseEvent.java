package org.jiefen.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's timeline. Events about a user task carry the task's BPMN {@code elementId},
 * its {@code taskId} (the engine's user task key) and {@code formId}; a {@code TASK_RECORD} also
 * carries {@code data}, what the user recorded in the task's form, with ID and phone numbers masked.
 */
public record CaseEvent(
    String id,
    String caseId,
    Instant at,
    String type,
    String summary,
    String actor,
    String unitCode,
    String elementId,
    String taskId,
    String formId,
    Map<String, Object> data) {

  /** The type of the event that keeps what a user recorded when completing a task. */
  public static final String TASK_RECORD = "TASK_RECORD";

  CaseEvent(String id, String caseId, Instant at, String type, String summary, String actor, String unitCode) {
    this(id, caseId, at, type, summary, actor, unitCode, null, null, null, null);
  }
}
