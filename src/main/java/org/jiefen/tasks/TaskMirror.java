package org.jiefen.tasks;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jiefen.cases.CaseLookup;
import org.springframework.stereotype.Service;

/**
 * What the task listener workers tell the task list. Every call is idempotent on the task id.
 *
 * <p>A task of a case that a leader owns (包案) carries the owner: new tasks get it when they are
 * created, open tasks when the leader takes ownership ({@link #owned}).
 */
@Service
public class TaskMirror {

  private final TaskRepository tasks;
  private final CaseLookup cases;

  TaskMirror(TaskRepository tasks, CaseLookup cases) {
    this.tasks = tasks;
    this.cases = cases;
  }

  public void created(TaskDoc task) {
    // A redelivered creating job must not undo a claim or a completion that happened since.
    if (tasks.find(task.id()).map(t -> t.state() != TaskState.CREATED).orElse(false)) {
      return;
    }
    Optional<CaseLookup.Owner> owner = ownerOf(task.caseId());
    tasks.save(owner.map(o -> task.withOwner(o.username(), o.name())).orElse(task), false);
    // Ownership taken while this task was created: the owner's pass over the open tasks may have
    // run before the task was indexed. Asking again after the write closes that gap.
    Optional<CaseLookup.Owner> now = ownerOf(task.caseId());
    if (now.isPresent() && !now.equals(owner)) {
      tasks.setOwner(task.id(), now.get().username(), now.get().name());
    }
  }

  /**
   * The leader {@code owner} ({@code ownerName}) took ownership of the case: every open task of the
   * case shows them from now on (finished tasks stay as they were handled). Answers how many
   * tasks changed; a second call changes none.
   */
  public int owned(String caseId, String owner, String ownerName) {
    int changed = 0;
    for (TaskDoc task : tasks.openOf(caseId)) {
      if (!Objects.equals(owner, task.owner()) || !Objects.equals(ownerName, task.ownerName())) {
        tasks.setOwner(task.id(), owner, ownerName);
        changed++;
      }
    }
    return changed;
  }

  private Optional<CaseLookup.Owner> ownerOf(String caseId) {
    return caseId == null ? Optional.empty() : cases.owner(caseId);
  }

  public void ended(String taskId, TaskState state, Instant at, String by) {
    tasks.find(taskId)
        .filter(t -> t.state().open())
        .ifPresent(t -> tasks.save(t.ended(state, at, by), false));
  }
}
