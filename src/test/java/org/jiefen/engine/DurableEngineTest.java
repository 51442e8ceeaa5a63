package org.jiefen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.process.test.engine.DurableEngine;
import io.camunda.zeebe.process.test.engine.DurableEngine.UserTaskCommandRejected;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine keeps running instances, user tasks, timers and subscriptions across a restart. */
class DurableEngineTest {

  @TempDir Path dir;
  private DurableEngine engine;
  private CamundaClient client;

  private static final BpmnModelInstance SESSION =
      Bpmn.createExecutableProcess("durable")
          .startEvent()
          .userTask("Task_Session")
          .zeebeUserTask()
          .boundaryEvent("Timer_Deadline")
          .cancelActivity(true)
          .timerWithDuration("P30D")
          .endEvent("End_Timeout")
          .moveToActivity("Task_Session")
          .endEvent("End_Done")
          .done();

  private static final BpmnModelInstance WAIT_FOR_MESSAGE =
      Bpmn.createExecutableProcess("durableMessage")
          .startEvent()
          .intermediateCatchEvent("Event_Consent")
          .message(m -> m.name("consent").zeebeCorrelationKeyExpression("caseId"))
          .endEvent("End_Consented")
          .done();

  @AfterEach
  void tearDown() {
    stop();
  }

  @Test
  void userTaskTimerAndSubscriptionSurviveRestart() throws Exception {
    start(Duration.ZERO);
    client.newDeployResourceCommand()
        .addProcessModel(SESSION, "durable.bpmn")
        .addProcessModel(WAIT_FOR_MESSAGE, "durableMessage.bpmn")
        .send()
        .join();
    long toComplete = createInstance("durable", Map.of());
    long toTimeOut = createInstance("durable", Map.of());
    long waiting = createInstance("durableMessage", Map.of("caseId", "C-1"));
    engine.waitForIdleState(Duration.ofSeconds(10));
    long taskKey = userTaskKey(toComplete);

    restart();

    assertThat(engine.replay().blocks()).isPositive();
    engine.userTaskCommand(taskKey, UserTaskIntent.COMPLETE, new UserTaskRecord()).join();
    client.newPublishMessageCommand().messageName("consent").correlationKey("C-1").send().join();
    engine.increaseTime(Duration.ofDays(31));
    engine.waitForIdleState(Duration.ofSeconds(10));

    assertThat(completedAt(toComplete)).isEqualTo("End_Done");
    assertThat(completedAt(toTimeOut)).isEqualTo("End_Timeout");
    assertThat(completedAt(waiting)).isEqualTo("End_Consented");
    long later = createInstance("durable", Map.of());
    assertThat(later).isGreaterThan(waiting);
  }

  @Test
  void clockOffsetIsTheCallersToKeepAndCompletingTwiceIsRejected() throws Exception {
    start(Duration.ofDays(10));
    assertThat(engine.now()).isAfter(java.time.Instant.now().plus(Duration.ofDays(9)));
    client.newDeployResourceCommand().addProcessModel(SESSION, "durable.bpmn").send().join();
    long instance = createInstance("durable", Map.of());
    engine.waitForIdleState(Duration.ofSeconds(10));
    long taskKey = userTaskKey(instance);
    engine.userTaskCommand(taskKey, UserTaskIntent.COMPLETE, new UserTaskRecord()).join();

    assertThatThrownBy(
            () ->
                engine.userTaskCommand(taskKey, UserTaskIntent.COMPLETE, new UserTaskRecord()).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(UserTaskCommandRejected.class);
  }

  @Test
  void tornBlockAtTheEndOfTheLogIsCutOff() throws Exception {
    start(Duration.ZERO);
    client.newDeployResourceCommand().addProcessModel(SESSION, "durable.bpmn").send().join();
    long instance = createInstance("durable", Map.of());
    engine.waitForIdleState(Duration.ofSeconds(10));
    stop();
    Files.write(
        dir.resolve("engine.log"),
        new byte[] {0, 0, 1, 0, 9, 9, 9},
        java.nio.file.StandardOpenOption.APPEND);

    start(Duration.ZERO);

    assertThat(engine.replay().truncatedBytes()).isEqualTo(7);
    engine.userTaskCommand(userTaskKey(instance), UserTaskIntent.COMPLETE, new UserTaskRecord()).join();
    engine.waitForIdleState(Duration.ofSeconds(10));
    assertThat(completedAt(instance)).isEqualTo("End_Done");
  }

  private long createInstance(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private long userTaskKey(long processInstanceKey) {
    return records()
        .filter(r -> r.getIntent() == UserTaskIntent.CREATED)
        .map(r -> (UserTaskRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .map(UserTaskRecordValue::getUserTaskKey)
        .findFirst()
        .orElseThrow();
  }

  private String completedAt(long processInstanceKey) {
    return records()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .filter(v -> v.getBpmnElementType() == BpmnElementType.END_EVENT)
        .map(ProcessInstanceRecordValue::getElementId)
        .findFirst()
        .orElse(null);
  }

  private Stream<Record<?>> records() {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false);
  }

  private void restart() throws Exception {
    stop();
    start(Duration.ZERO);
  }

  private void start(Duration offset) {
    engine =
        DurableEngine.start(
            new DurableEngine.Settings(
                dir.resolve("engine.log"),
                new InetSocketAddress("127.0.0.1", 0),
                io.camunda.zeebe.process.test.engine.EngineLogFsync.ALWAYS,
                Duration.ofMillis(200),
                offset));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .build();
  }

  private void stop() {
    if (client != null) {
      client.close();
      client = null;
    }
    if (engine != null) {
      engine.stop();
      engine = null;
    }
  }
}
