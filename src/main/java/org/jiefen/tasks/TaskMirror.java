package org.jiefen.tasks;

import java.time.Instant;
import org.springframework.stereotype.Service;

/** What the task listener workers tell the task list. Every call is idempotent on the task id. */
@Service
public class TaskMirror {

  private final TaskRepository tasks;

  TaskMirror(TaskRepository tasks) {
    this.tasks = tasks;
  }

  public void created(TaskDoc task) {
    // A redelivered creating job must not undo a claim or a completion that happened since.
    if (tasks.find(task.id()).map(t -> t.state() != TaskState.CREATED).orElse(false)) {
      return;
    }
    tasks.save(task, false);
  }

  public void ended(String taskId, TaskState state, Instant at, String by) {
    tasks.find(taskId)
        .filter(t -> t.state().open())
        .ifPresent(t -> tasks.save(t.ended(state, at, by), false));
  }
}
