package org.jiefen.tasks;

import java.util.Map;

/**
 * The one port through which user tasks are claimed and completed: a direct engine command in
 * local mode, the Camunda REST API in production. Refusals by the engine surface as
 * {@link Rejected}.
 */
public interface UserTaskCommands {

  void assign(long userTaskKey, String assignee);

  void unassign(long userTaskKey);

  void complete(long userTaskKey, Map<String, Object> variables);

  /** The engine refused the command (task gone, already completed, ...). */
  final class Rejected extends RuntimeException {
    public Rejected(String reason) {
      super(reason);
    }
  }
}
