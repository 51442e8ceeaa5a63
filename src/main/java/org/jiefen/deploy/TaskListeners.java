package org.jiefen.deploy;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.List;

/**
 * Adds the listeners through which the task list in Elasticsearch follows the engine. They go
 * after any listeners the modeller defined, so the mirror sees the task as those left it
 * (a creating listener may set the assignee; a completing listener may deny completion).
 */
final class TaskListeners {

  static final String RETRIES = "3";

  /** Our listener per lifecycle event; {@code updating} is left out, the mirror rereads on events. */
  enum Ours {
    CREATING(ZeebeTaskListenerEventType.creating, "jiefen.task.creating"),
    ASSIGNING(ZeebeTaskListenerEventType.assigning, "jiefen.task.assigning"),
    COMPLETING(ZeebeTaskListenerEventType.completing, "jiefen.task.completing"),
    CANCELING(ZeebeTaskListenerEventType.canceling, "jiefen.task.canceling");

    final ZeebeTaskListenerEventType eventType;
    final String jobType;

    Ours(ZeebeTaskListenerEventType eventType, String jobType) {
      this.eventType = eventType;
      this.jobType = jobType;
    }
  }

  private TaskListeners() {}

  /** Ids of user tasks that run as jobs (no zeebe:userTask); listeners do not exist for them. */
  static List<String> jobWorkerUserTasks(BpmnModelInstance model) {
    return model.getModelElementsByType(UserTask.class).stream()
        .filter(task -> task.getSingleExtensionElement(ZeebeUserTask.class) == null)
        .map(UserTask::getId)
        .toList();
  }

  /** @return whether anything was added */
  static boolean addMissing(BpmnModelInstance model) {
    boolean changed = false;
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      ExtensionElements extensions = task.getExtensionElements();
      ZeebeTaskListeners listeners = task.getSingleExtensionElement(ZeebeTaskListeners.class);
      for (Ours ours : Ours.values()) {
        if (listeners != null && has(listeners, ours)) {
          continue;
        }
        if (listeners == null) {
          listeners = extensions.addExtensionElement(ZeebeTaskListeners.class);
        }
        ZeebeTaskListener listener = model.newInstance(ZeebeTaskListener.class);
        listener.setEventType(ours.eventType);
        listener.setType(ours.jobType);
        listener.setRetries(RETRIES);
        listeners.addChildElement(listener);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean has(ZeebeTaskListeners listeners, Ours ours) {
    return listeners.getTaskListeners().stream()
        .anyMatch(l -> current(l.getEventType()) == ours.eventType && ours.jobType.equals(l.getType()));
  }

  // 8.8 still reads the 8.6/8.7 names; a model written with them is already prepared.
  static ZeebeTaskListenerEventType current(ZeebeTaskListenerEventType type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case create -> ZeebeTaskListenerEventType.creating;
      case assignment -> ZeebeTaskListenerEventType.assigning;
      case update -> ZeebeTaskListenerEventType.updating;
      case complete -> ZeebeTaskListenerEventType.completing;
      case cancel -> ZeebeTaskListenerEventType.canceling;
      default -> type;
    };
  }
}
