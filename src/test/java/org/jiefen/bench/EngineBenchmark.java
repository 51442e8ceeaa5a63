package org.jiefen.bench;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.process.test.engine.DurableEngine;
import io.camunda.zeebe.process.test.engine.EngineLogFsync;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Two modes on the durable embedded engine.
 *
 * <p>{@code trivial} (default): case starts per second with a trivial process, then replay time and
 * heap for the finished instances it left in the log.
 *
 * <p>{@code open}: first fills the engine with {@code bench.open} open instances, each parked at a
 * user task with a 30-day deadline timer (a case waiting for a clerk), then measures new instances
 * of the same process at that level: throughput, create latency, and the process CPU they cost;
 * also the CPU the engine burns while idle with that many open instances.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.EngineBenchmark
 *   [-Dbench.mode=trivial|open] [-Dbench.seconds=60] [-Dbench.inflight=32] [-Dbench.fsync=always]
 *   [-Dbench.open=10000]</pre>
 */
public final class EngineBenchmark {

  public static void main(String[] args) {
    try {
      if ("open".equals(System.getProperty("bench.mode", "trivial"))) {
        openInstances();
      } else {
        trivial();
      }
    } catch (Throwable t) {
      // exec:java would otherwise wait forever for the engine's non-daemon actor threads
      t.printStackTrace();
      System.exit(1);
    }
  }

  private static void trivial() throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 60);
    int inflight = Integer.getInteger("bench.inflight", 32);
    EngineLogFsync fsync = EngineLogFsync.valueOf(System.getProperty("bench.fsync", "always").toUpperCase());
    Path dir = Files.createTempDirectory("jiefen-bench");
    Path log = dir.resolve("engine.log");

    long baseline = usedHeapAfterGc();
    DurableEngine engine = start(log, fsync);
    CamundaClient client = client(engine);
    client.newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess("trivial").startEvent().endEvent().done(), "trivial.bpmn")
        .send()
        .join();

    // warm-up, then a sustained run with a bounded number of requests in flight
    run(client, 5, inflight);
    Result result = run(client, seconds, inflight);
    System.out.printf(
        "starts: %d in %d s = %.1f/s sustained (fsync=%s, in flight %d); create latency p50 %.1f ms, p99 %.1f ms%n",
        result.count, seconds, result.count / (double) seconds, fsync, inflight, result.p50, result.p99);
    client.close();
    engine.stop();

    long instances = result.count + result.warmup;
    long logBytes = Files.size(log);
    long started = System.nanoTime();
    DurableEngine replayed = start(log, fsync);
    replayed.waitForIdleState(Duration.ofMinutes(5));
    double replayMs = (System.nanoTime() - started) / 1e6;
    long heap = usedHeapAfterGc() - baseline;
    System.out.printf(
        "log: %d finished instances, %.1f MB (%.1f KB each); replay to idle %.0f ms; heap after replay %.0f MB"
            + " = %.0f MB per 10k finished instances, replay %.0f ms per 10k%n",
        instances,
        logBytes / 1e6,
        logBytes / 1024.0 / instances,
        replayMs,
        heap / 1e6,
        heap / 1e6 / instances * 10_000,
        replayMs / instances * 10_000);
    replayed.stop();
    System.exit(0);
  }

  record Result(long count, long warmup, double p50, double p99) {}

  private static void openInstances() throws Exception {
    int open = Integer.getInteger("bench.open", 10_000);
    int seconds = Integer.getInteger("bench.seconds", 30);
    int inflight = Integer.getInteger("bench.inflight", 32);
    EngineLogFsync fsync = EngineLogFsync.valueOf(System.getProperty("bench.fsync", "always").toUpperCase());
    Path log = Files.createTempDirectory("jiefen-bench").resolve("engine.log");
    DurableEngine engine = start(log, fsync);
    CamundaClient client = client(engine);
    client.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("openCase")
                .startEvent()
                .userTask("Task_handle")
                .zeebeUserTask()
                .boundaryEvent("Timer_deadline")
                .timerWithDuration("P30D")
                .endEvent("End_late")
                .moveToActivity("Task_handle")
                .endEvent("End_done")
                .done(),
            "openCase.bpmn")
        .send()
        .join();

    // fill, reporting each tenth so the cost's growth with the open count is visible
    int step = Math.max(1, open / 10);
    long fillStart = System.nanoTime();
    for (int filled = 0; filled < open; filled += step) {
      long cpu0 = processCpuNanos();
      long t0 = System.nanoTime();
      int n = Math.min(step, open - filled);
      create(client, "openCase", n, inflight);
      engine.waitForIdleState(Duration.ofMinutes(30));
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "fill %6d -> %6d open: %.1f starts/s, %.1f ms process CPU per start%n",
          filled, filled + n, n / s, (processCpuNanos() - cpu0) / 1e6 / n);
    }
    System.out.printf(
        "filled %d open instances in %.0f s; heap after GC %.0f MB (engine log %.1f MB, kept in memory too)%n",
        open, (System.nanoTime() - fillStart) / 1e9, usedHeapAfterGc() / 1e6, Files.size(log) / 1e6);

    long idleCpu0 = processCpuNanos();
    Thread.sleep(10_000);
    System.out.printf(
        "idle with %d open instances: %.0f ms process CPU per s%n", open, (processCpuNanos() - idleCpu0) / 1e6 / 10);

    long cpu0 = processCpuNanos();
    Result result = run(client, "openCase", seconds, inflight);
    engine.waitForIdleState(Duration.ofMinutes(30));
    System.out.printf(
        "at %d open: %d new instances in %d s = %.1f/s (fsync=%s, in flight %d); create latency p50 %.1f ms,"
            + " p99 %.1f ms; %.1f ms process CPU per new instance%n",
        open, result.count, seconds, result.count / (double) seconds, fsync, inflight, result.p50, result.p99,
        (processCpuNanos() - cpu0) / 1e6 / result.count);
    client.close();
    engine.stop();
    System.exit(0);
  }

  /**
   * Creates {@code count} instances with at most {@code inflight} requests outstanding; creates that
   * fail (a slow engine can time them out) are reported and sent again.
   */
  private static void create(CamundaClient client, String processId, int count, int inflight)
      throws InterruptedException {
    for (int remaining = count; remaining > 0; ) {
      Semaphore permits = new Semaphore(inflight);
      AtomicLong failed = new AtomicLong();
      AtomicReference<Throwable> firstFailure = new AtomicReference<>();
      for (int i = 0; i < remaining; i++) {
        permits.acquire();
        client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
            .whenComplete((r, e) -> {
              if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
              }
              permits.release();
            });
      }
      permits.acquire(inflight);
      remaining = (int) failed.get();
      if (remaining > 0) {
        System.out.printf("%d creates failed (first: %s); sending them again%n", remaining, firstFailure.get());
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long warmupCount;

  private static Result run(CamundaClient client, int seconds, int inflight) throws InterruptedException {
    return run(client, "trivial", seconds, inflight);
  }

  private static Result run(CamundaClient client, String processId, int seconds, int inflight)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inflight);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      permits.acquire();
      long t0 = System.nanoTime();
      client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send()
          .whenComplete((r, e) -> {
            if (e == null) {
              done.incrementAndGet();
              latencies.add(System.nanoTime() - t0);
            } else {
              failed.incrementAndGet();
            }
            permits.release();
          });
    }
    permits.acquire(inflight);
    if (failed.get() > 0) {
      System.out.printf("%d creates failed (not counted)%n", failed.get());
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    if (seconds <= 5) {
      warmupCount = done.get();
    }
    return new Result(done.get(), warmupCount, percentile(sorted, 50), percentile(sorted, 99));
  }

  static double percentile(List<Long> sortedNanos, double p) {
    if (sortedNanos.isEmpty()) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }

  private static DurableEngine start(Path log, EngineLogFsync fsync) {
    return DurableEngine.start(
        new DurableEngine.Settings(
            log, new InetSocketAddress("127.0.0.1", 0), fsync, Duration.ofMillis(200), Duration.ZERO));
  }

  private static CamundaClient client(DurableEngine engine) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://" + engine.getGatewayAddress()))
        .preferRestOverGrpc(false)
        // a slow engine should show as latency, not as failed requests
        .defaultRequestTimeout(Duration.ofMinutes(5))
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
