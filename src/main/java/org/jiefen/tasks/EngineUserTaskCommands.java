package org.jiefen.tasks;

import io.camunda.zeebe.process.test.engine.DurableEngine;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.agrona.concurrent.UnsafeBuffer;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.platform.LocalMode;
import org.springframework.stereotype.Component;

/** Local mode: user task commands written straight to the embedded engine, as a cluster's REST API would. */
@Component
@LocalMode
class EngineUserTaskCommands implements UserTaskCommands {

  private final LocalEngine engine;

  EngineUserTaskCommands(LocalEngine engine) {
    this.engine = engine;
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    UserTaskRecord record = new UserTaskRecord().setAssignee(assignee).setAction("assign");
    record.setAssigneeChanged();
    send(userTaskKey, UserTaskIntent.ASSIGN, record);
  }

  @Override
  public void unassign(long userTaskKey) {
    UserTaskRecord record = new UserTaskRecord().setAssignee("").setAction("unassign");
    record.setAssigneeChanged();
    send(userTaskKey, UserTaskIntent.ASSIGN, record);
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskRecord record = new UserTaskRecord().setAction("complete");
    if (variables != null && !variables.isEmpty()) {
      record.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variables)));
    }
    send(userTaskKey, UserTaskIntent.COMPLETE, record);
  }

  private void send(long key, UserTaskIntent intent, UserTaskRecord record) {
    DurableEngine e = engine.engine();
    try {
      e.userTaskCommand(key, intent, record).get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException ex) {
      if (ex.getCause() instanceof DurableEngine.UserTaskCommandRejected rejected) {
        throw new Rejected(rejected.getMessage());
      }
      throw new CompletionException(ex.getCause());
    } catch (TimeoutException ex) {
      throw new IllegalStateException("engine did not answer the " + intent + " command in time", ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }
}
