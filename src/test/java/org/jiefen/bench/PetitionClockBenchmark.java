package org.jiefen.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.engine.DurableEngine;
import io.camunda.zeebe.process.test.engine.EngineLogFsync;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.StreamSupport;

/**
 * Ten thousand open petitions on the durable embedded engine, each waiting at its triage task
 * (登记转送交办, 15 days) with its warning and due timers armed: heap, restart replay, and how
 * long after the clock passes the due instant all of them have their supervision (督办) task one
 * level up. The shipped models processes/petition/*.bpmn run as they are; the job workers are
 * stand-ins that answer at once what the real ones answer (clock due dates, unit options, the
 * supervising unit), so the figure is the engine's, not Elasticsearch's.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.jiefen.bench.PetitionClockBenchmark [-Dbench.open=10000] [-Dbench.fsync=always]</pre>
 */
public final class PetitionClockBenchmark {

  private static final String OFFICE = "440306001000";
  private static final String DISTRICT = "440306000000";
  private static final List<String> JOB_TYPES = List.of("jiefen.notify.mail", "jiefen.clock", "jiefen.petition.route",
      "jiefen.petition.supervise", "jiefen.document.generate", "jiefen.petition.own", "jiefen.petition.rating",
      "jiefen.case.close", "jiefen.petition.mediation");

  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable t) {
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    int open = Integer.getInteger("bench.open", 10_000);
    EngineLogFsync fsync = EngineLogFsync.valueOf(System.getProperty("bench.fsync", "always").toUpperCase());
    Path log = Files.createTempDirectory("jiefen-bench-petition").resolve("engine.log");
    long baseline = usedHeapAfterGc();

    DurableEngine engine = start(log, fsync);
    CamundaClient client = client(engine);
    var deploy = client.newDeployResourceCommand()
        .addResourceFromClasspath("processes/petition/Petition.bpmn")
        .addResourceFromClasspath("processes/petition/PetitionSupervision.bpmn");
    try (var forms = Files.list(Path.of("forms/petition"))) {
      for (Path form : forms.toList()) {
        deploy = deploy.addResourceFile(form.toString());
      }
    }
    deploy.requestTimeout(Duration.ofMinutes(1)).send().join();
    List<JobWorker> workers = workers(client, engine);

    long t0 = System.nanoTime();
    Semaphore inflight = new Semaphore(32);
    for (int i = 0; i < open; i++) {
      inflight.acquire();
      client.newCreateInstanceCommand().bpmnProcessId("Petition").latestVersion()
          .variables(Map.of("caseId", "XF-BENCH-" + i, "kind", "petition", "petitionKind", "claim", "channel", "letter",
              "unitCode", OFFICE, "originUnitCode", OFFICE, "repeatSuspected", false, "registeredBy", "bench"))
          .send().whenComplete((r, e) -> inflight.release());
    }
    inflight.acquire(32);
    awaitTasks(engine, "Task_Triage", open, Duration.ofMinutes(30));
    double fillSeconds = (System.nanoTime() - t0) / 1e9;
    long heap = usedHeapAfterGc() - baseline;
    System.out.printf("filled %d petitions to their triage task in %.0f s (%.0f/s); heap after GC +%.0f MB;"
            + " engine log %.1f MB%n", open, fillSeconds, open / fillSeconds, heap / 1e6, Files.size(log) / 1e6);

    workers.forEach(JobWorker::close);
    client.close();
    engine.stop();

    long r0 = System.nanoTime();
    DurableEngine replayed = start(log, fsync);
    replayed.waitForIdleState(Duration.ofMinutes(30));
    System.out.printf("restart: replay of %.1f MB to idle in %.1f s; heap after GC +%.0f MB%n",
        Files.size(log) / 1e6, (System.nanoTime() - r0) / 1e9, (usedHeapAfterGc() - baseline) / 1e6);

    CamundaClient again = client(replayed);
    workers = workers(again, replayed);
    // 15 days from registration (start day not counted) plus a day: past every due instant at once
    replayed.increaseTime(Duration.ofDays(17));
    Instant jumped = replayed.now();
    long j0 = System.nanoTime();
    awaitTasks(replayed, "Task_Supervise", open, Duration.ofMinutes(30));
    double wall = (System.nanoTime() - j0) / 1e9;
    long lastCreated = tasks(replayed, "Task_Supervise").stream().mapToLong(Record::getTimestamp).max().orElse(0);
    System.out.printf("after the due instant: all %d supervision tasks exist %.1f s later (last created %.1f s after"
            + " the jump on the engine clock); target 60 s%n", open, wall, (lastCreated - jumped.toEpochMilli()) / 1e3);
    workers.forEach(JobWorker::close);
    again.close();
    replayed.stop();
    System.exit(0);
  }

  /** Stand-in workers: they answer what the real ones answer, without Elasticsearch. */
  private static List<JobWorker> workers(CamundaClient client, DurableEngine engine) {
    List<JobWorker> workers = new ArrayList<>();
    for (String type : JOB_TYPES) {
      workers.add(client.newWorker().jobType(type)
          .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(answer(job, engine)).send().join())
          .maxJobsActive(64).timeout(Duration.ofMinutes(5)).open());
    }
    return workers;
  }

  private static Map<String, Object> answer(ActivatedJob job, DurableEngine engine) {
    Map<String, String> h = job.getCustomHeaders();
    return switch (job.getType()) {
      case "jiefen.clock" -> {
        if (!"start".equals(h.get("action")) && !"resume".equals(h.get("action"))) {
          yield Map.of();
        }
        Instant due = engine.now().plus(Duration.ofDays(16));
        yield Map.of(h.get("var") + "Due", due.toString(), h.get("var") + "Warn", due.minus(Duration.ofDays(3)).toString());
      }
      case "jiefen.petition.route" -> "options".equals(h.get("move"))
          ? Map.of("unitOptions", List.of(Map.of("label", "宝安区人力资源局", "value", "440306900001")))
          : Map.of("handlingUnitCode", OFFICE);
      case "jiefen.petition.supervise" -> Map.of("supervisorUnitCode", DISTRICT);
      default -> Map.of();
    };
  }

  private static void awaitTasks(DurableEngine engine, String elementId, int count, Duration within) throws Exception {
    long end = System.nanoTime() + within.toNanos();
    while (tasks(engine, elementId).size() < count) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("only " + tasks(engine, elementId).size() + " " + elementId + " tasks");
      }
      Thread.sleep(500);
    }
  }

  private static List<Record<?>> tasks(DurableEngine engine, String elementId) {
    return StreamSupport.stream(engine.getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getIntent() == UserTaskIntent.CREATED)
        .filter(r -> ((UserTaskRecordValue) r.getValue()).getElementId().equals(elementId))
        .toList();
  }

  private static DurableEngine start(Path log, EngineLogFsync fsync) {
    return DurableEngine.start(new DurableEngine.Settings(
        log, new InetSocketAddress("127.0.0.1", 0), fsync, Duration.ofMillis(200), Duration.ZERO));
  }

  private static CamundaClient client(DurableEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
        .preferRestOverGrpc(false)
        .defaultRequestTimeout(Duration.ofMinutes(5))
        .numJobWorkerExecutionThreads(8)
        .build();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
