package org.jiefen.processes;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.engine.DurableEngine;
import io.camunda.zeebe.process.test.engine.EngineLogFsync;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The engine for process tests: the same durable engine local mode runs, on a temporary log, with
 * helpers to read what the engine did. Timers move on the engine clock only.
 */
final class EngineHarness implements AutoCloseable {

  final DurableEngine engine;
  final CamundaClient client;

  EngineHarness() throws Exception {
    Path dir = Files.createTempDirectory("jiefen-process-test");
    engine =
        DurableEngine.start(
            new DurableEngine.Settings(
                dir.resolve("engine.log"),
                new InetSocketAddress("127.0.0.1", 0),
                EngineLogFsync.NEVER,
                Duration.ofSeconds(1),
                Duration.ZERO));
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
            .preferRestOverGrpc(false)
            .build();
  }

  void deploy(String... classpathResources) {
    var command = client.newDeployResourceCommand();
    io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (String resource : classpathResources) {
      step = step == null ? command.addResourceFromClasspath(resource) : step.addResourceFromClasspath(resource);
    }
    step.requestTimeout(Duration.ofMinutes(1)).send().join();
  }

  /** Deploys one model given as bytes (a changed copy of a shipped one); returns its version. */
  int deployBytes(String name, byte[] bpmn) {
    return client.newDeployResourceCommand().addResourceBytes(bpmn, name).requestTimeout(Duration.ofMinutes(1))
        .send().join().getProcesses().get(0).getVersion();
  }

  long start(String processId, Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(variables)
        .send().join().getProcessInstanceKey();
  }

  /** Position of the last record the engine had written when it was last seen idle. */
  private long idleAt = Long.MIN_VALUE;

  /**
   * Waits until the engine has processed everything and nothing new came for its grace period
   * (two 50 ms checks of ZPT's monitor: about 100 ms however little there is to do).
   */
  void idle() throws Exception {
    engine.waitForIdleState(Duration.ofSeconds(10));
    idleAt = lastPosition();
  }

  /**
   * Waits for idle unless nothing at all was written to the log since the engine was last seen idle
   * (then it still is: every command, timer trigger and job answer is a record). Saves the 100 ms of
   * a second wait in a row.
   */
  void settle() throws Exception {
    if (lastPosition() != idleAt) {
      idle();
    }
  }

  private long lastPosition() {
    Iterable<Record<?>> all = engine.getRecordStreamSource().getRecords();
    if (all instanceof List<Record<?>> list) {
      return list.isEmpty() ? -1 : list.get(list.size() - 1).getPosition();
    }
    long last = -1;
    for (Record<?> r : all) {
      last = r.getPosition();
    }
    return last;
  }

  void advance(Duration duration) throws Exception {
    engine.increaseTime(duration);
    idle();
  }

  /** User tasks of the instance that are created and not yet completed or canceled, as last written. */
  List<UserTaskRecordValue> openTasks(long instance) {
    Map<Long, UserTaskRecordValue> latest = new java.util.LinkedHashMap<>();
    java.util.Set<Long> ended = new java.util.HashSet<>();
    records()
        .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.USER_TASK)
        .filter(r -> r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT)
        .forEach(r -> {
          UserTaskRecordValue v = (UserTaskRecordValue) r.getValue();
          if (v.getProcessInstanceKey() != instance) {
            return;
          }
          if (r.getIntent() == UserTaskIntent.COMPLETED || r.getIntent() == UserTaskIntent.CANCELED) {
            ended.add(v.getUserTaskKey());
          } else if (r.getIntent() == UserTaskIntent.CREATED || r.getIntent() == UserTaskIntent.ASSIGNED) {
            latest.put(v.getUserTaskKey(), v);
          }
        });
    return latest.values().stream().filter(v -> !ended.contains(v.getUserTaskKey())).toList();
  }

  void complete(UserTaskRecordValue task, Map<String, Object> variables) throws Exception {
    UserTaskRecord record = new UserTaskRecord().setAction("complete");
    if (!variables.isEmpty()) {
      record.setVariables(new UnsafeBuffer(MsgPackConverter.convertToMsgPack(variables)));
    }
    engine.userTaskCommand(task.getUserTaskKey(), UserTaskIntent.COMPLETE, record).join();
    idle();
  }

  /** One engine serves a test class: an instance a test left running is cancelled, so its timers cannot reach the next. */
  void cancelIfRunning(long instance) {
    if (!completed(instance) && records().noneMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
        && r.getKey() == instance)) {
      client.newCancelInstanceCommand(instance).send().join();
    }
  }

  /** Ids of the end events the instance reached. */
  List<String> endEvents(long instance) {
    return elements(instance, ProcessInstanceIntent.ELEMENT_COMPLETED, BpmnElementType.END_EVENT);
  }

  boolean completed(long instance) {
    return records()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .anyMatch(v -> v.getProcessInstanceKey() == instance && v.getBpmnElementType() == BpmnElementType.PROCESS);
  }

  List<String> elements(long instance, ProcessInstanceIntent intent, BpmnElementType type) {
    return records()
        .filter(r -> r.getIntent() == intent)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && v.getBpmnElementType() == type)
        .map(ProcessInstanceRecordValue::getElementId)
        .toList();
  }

  /** Error messages of the incidents the instance raised. */
  List<String> incidents(long instance) {
    return records()
        .filter(r -> r.getIntent() == io.camunda.zeebe.protocol.record.intent.IncidentIntent.CREATED)
        .map(r -> (io.camunda.zeebe.protocol.record.value.IncidentRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance)
        .map(v -> v.getElementId() + ": " + v.getErrorMessage())
        .toList();
  }

  /** The instance's root-scope variables as last written (values as JSON text parsed to Java). */
  Map<String, Object> variables(long instance) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    records()
        .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && v.getScopeKey() == instance)
        .forEach(v -> result.put(v.getName(), parse(v.getValue())));
    return result;
  }

  /** A variable of one scope (e.g. a task's input mapping) as last written, or null. */
  Object localVariable(long scopeKey, String name) {
    Object[] found = {null};
    records()
        .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(v -> v.getScopeKey() == scopeKey && v.getName().equals(name))
        .forEach(v -> found[0] = parse(v.getValue()));
    return found[0];
  }

  /** Process instances called by the instance (call activities), in the order they started. */
  List<Long> children(long parent) {
    return records()
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .map(r -> (ProcessInstanceRecordValue) r.getValue())
        .filter(v -> v.getBpmnElementType() == BpmnElementType.PROCESS && v.getParentProcessInstanceKey() == parent)
        .map(ProcessInstanceRecordValue::getProcessInstanceKey)
        .distinct()
        .toList();
  }

  /** One mapper for all values: building one per variable record cost more than the parse. */
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Stream<Record<?>> records() {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false);
  }

  @Override
  public void close() {
    client.close();
    engine.stop();
  }
}
