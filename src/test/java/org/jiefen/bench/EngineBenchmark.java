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

/**
 * Case starts per second on the durable embedded engine with a trivial process, then replay time
 * and heap for the finished instances it left in the log.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.EngineBenchmark
 *   [-Dbench.seconds=60] [-Dbench.inflight=32] [-Dbench.fsync=always]</pre>
 */
public final class EngineBenchmark {

  public static void main(String[] args) throws Exception {
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

  private static long warmupCount;

  private static Result run(CamundaClient client, int seconds, int inflight) throws InterruptedException {
    Semaphore permits = new Semaphore(inflight);
    AtomicLong done = new AtomicLong();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      permits.acquire();
      long t0 = System.nanoTime();
      client.newCreateInstanceCommand().bpmnProcessId("trivial").latestVersion().send()
          .whenComplete((r, e) -> {
            if (e == null) {
              done.incrementAndGet();
              latencies.add(System.nanoTime() - t0);
            }
            permits.release();
          });
    }
    permits.acquire(inflight);
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
