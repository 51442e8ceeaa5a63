package org.jiefen.workers.petition;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CasePetition;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.cases.PetitionSupervisions;
import org.jiefen.tasks.TaskMirror;
import org.jiefen.users.AppUser;
import org.jiefen.users.UserDirectory;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.petition.own}: the leader who completed the supervision task took ownership (包案)
 * of the case. The leader is the actor of the task's record (header {@code record}, default
 * {@code Task_Supervise}), their instruction its {@code instruction} field. The case file gets
 * {@code owner}, {@code ownerName} (display name) and {@code ownedSince}; the open supervision of
 * {@code clockId} at {@code supervisorUnitCode} (else {@code unitCode}) closes with the
 * instruction; every open task of the case shows the owner from now on, and new tasks get it when
 * they are created.
 *
 * <p>When the variable {@code takeOwnership} is {@code false} the supervision only closes with the
 * instruction: a model may call this worker after every supervision task. Idempotent: the same
 * owner again changes nothing, a closed supervision stays as it was closed.
 */
@Component
public class OwnWorker {

  static final String DEFAULT_RECORD = "Task_Supervise";

  private final PetitionSupervisions supervisions;
  private final CaseTimeline timeline;
  private final UserDirectory users;
  private final TaskMirror tasks;

  OwnWorker(PetitionSupervisions supervisions, CaseTimeline timeline, UserDirectory users, TaskMirror tasks) {
    this.supervisions = supervisions;
    this.timeline = timeline;
    this.users = users;
    this.tasks = tasks;
  }

  @JobWorker(
      type = "jiefen.petition.own",
      fetchVariables = {"caseId", "unitCode", "supervisorUnitCode", "clockId", "takeOwnership"})
  public void own(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    Map<String, Object> v = job.getVariablesAsMap();
    String supervisorUnit = PetitionJobs.text(v, "supervisorUnitCode");
    if (supervisorUnit == null) {
      supervisorUnit = PetitionJobs.text(v, "unitCode");
    }
    if (supervisorUnit == null) {
      throw JobFailures.incident("the ownership task " + job.getElementId() + " needs the variable supervisorUnitCode");
    }
    String recordOf = PetitionJobs.header(job, "record");
    String element = recordOf == null ? DEFAULT_RECORD : recordOf;
    String clockId = PetitionJobs.text(v, "clockId");
    boolean take = !Boolean.FALSE.equals(v.get("takeOwnership")) && !"false".equals(v.get("takeOwnership"));
    String unit = supervisorUnit;
    JobFailures.guard(job, () -> {
      Optional<CaseEvent> record = PetitionJobs.record(timeline, caseId, element);
      if (record.isEmpty() || record.get().actor() == null) {
        throw new IllegalArgumentException("case " + caseId + " has no record of " + element + " to say who took ownership");
      }
      String leader = record.get().actor();
      String instruction = instruction(record.get().data());
      if (!take) {
        supervisions.close(caseId, PetitionJobs.key(job), clockId, unit, leader, instruction);
        return null;
      }
      String name = users.find(leader).map(AppUser::displayName).orElse(leader);
      CasePetition petition = supervisions.own(caseId, PetitionJobs.key(job), clockId, unit, leader, name, instruction);
      tasks.owned(caseId, petition.owner(), petition.ownerName());
      return null;
    });
  }

  /** The leader's instruction: the {@code instruction} field, else the record's text fields joined. */
  static String instruction(Map<String, Object> data) {
    if (data == null) {
      return null;
    }
    String named = PetitionJobs.text(data, "instruction");
    if (named != null) {
      return named;
    }
    StringBuilder text = new StringBuilder();
    data.forEach((k, value) -> {
      if (value instanceof String s && !s.isBlank()) {
        text.append(text.isEmpty() ? "" : "；").append(s.strip());
      }
    });
    return text.isEmpty() ? null : text.toString();
  }
}
