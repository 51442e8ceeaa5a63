package org.jiefen.it;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.jiefen.engine.local.LocalEngine;

/** Waits on the embedded engine's records, for tests that move the clock to fire a timer. */
final class EngineTimers {

  private EngineTimers() {}

  /** Waits until the engine has armed the timer in the case's process, so moving the clock fires it. */
  static void awaitTimer(LocalEngine engine, String caseId, String elementId) {
    await().atMost(Duration.ofSeconds(20)).until(() -> {
      var records = StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false).toList();
      var instance = records.stream()
          .filter(r -> r.getValue() instanceof VariableRecordValue v
              && v.getName().equals("caseId") && v.getValue().equals("\"" + caseId + "\""))
          .map(r -> ((VariableRecordValue) r.getValue()).getProcessInstanceKey())
          .findFirst();
      return instance.isPresent() && records.stream()
          .filter(r -> r.getIntent() == TimerIntent.CREATED)
          .map(r -> (TimerRecordValue) r.getValue())
          .anyMatch(t -> t.getProcessInstanceKey() == instance.get() && t.getTargetElementId().equals(elementId));
    });
  }
}
