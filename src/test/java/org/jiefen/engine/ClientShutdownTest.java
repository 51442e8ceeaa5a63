package org.jiefen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import io.camunda.client.spring.event.CamundaClientClosingSpringEvent;
import io.camunda.client.spring.event.CamundaClientEventListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shutdown of the Camunda client with the cluster unreachable. The first two tests pin down the
 * client's lock leak with a real client and a streaming worker (no cluster listens on the port),
 * the others the Spring wiring that works around it.
 */
class ClientShutdownTest {

  private ScheduledExecutorService executor;
  private CamundaClient client;

  @AfterEach
  void cleanUp() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /**
   * Client 8.8.14: a stream re-open that runs after the worker's close leaks the stream lock, and
   * the client's own close of the same worker then waits forever. If this starts to fail, the
   * client is fixed and {@link ClientShutdown.JobExecutorStop} can go.
   */
  @Test
  void clientCloseHangsWhenAStreamReopenRunsAfterTheWorkersClose() throws Exception {
    JobWorker worker = streamingWorkerWithReopenScheduled();

    worker.close(); // as the starter's lifecycle does; the scheduled re-open runs 300 ms later
    Thread.sleep(700);

    assertThat(ClientShutdown.closeWithin(client, Duration.ofSeconds(3)))
        .as("client close returns (if so, the client's lock leak is fixed)")
        .isFalse();
  }

  @Test
  void clientClosesWhenTheJobExecutorIsStoppedBeforeTheWorkersClose() throws Exception {
    JobWorker worker = streamingWorkerWithReopenScheduled();

    ClientShutdown.stopJobExecutor(executor, Duration.ofSeconds(1));
    worker.close();
    Thread.sleep(700);

    assertThat(executor.isTerminated()).isTrue();
    assertThat(ClientShutdown.closeWithin(client, Duration.ofSeconds(10))).isTrue();
  }

  @Test
  void runningJobHandlersFinishBeforeTheExecutorStops() throws Exception {
    executor = Executors.newScheduledThreadPool(1);
    AtomicBoolean handlerFinished = new AtomicBoolean();
    AtomicBoolean delayedRan = new AtomicBoolean();
    CountDownLatch handlerRunning = new CountDownLatch(1);
    executor.execute(
        () -> {
          handlerRunning.countDown();
          sleep(300);
          handlerFinished.set(true);
        });
    executor.schedule(() -> delayedRan.set(true), 100, TimeUnit.MILLISECONDS);
    handlerRunning.await();

    ClientShutdown.stopJobExecutor(executor, Duration.ofSeconds(5));

    assertThat(handlerFinished).isTrue();
    assertThat(executor.isTerminated()).isTrue();
    Thread.sleep(200);
    assertThat(delayedRan).as("delayed task (a stream re-open) dropped").isFalse();
  }

  @Test
  void closeGivesUpAfterTheLimit() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();

    boolean closed = ClientShutdown.closeWithin(never::await, Duration.ofMillis(300));

    assertThat(closed).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  /**
   * Spring must not close the client itself: it would infer close() for the AutoCloseable bean and
   * call it a second time, without a limit, after our limited close gave up.
   */
  @Test
  void onlyTheLimitedCloserClosesTheClient() {
    AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(ClientShutdown.class, FakeStarter.class);
    CamundaClient bean = context.getBean(CamundaClient.class);

    context.close();

    verify(bean, times(1)).close();
  }

  /** The starter's listener closes the workers; the executor must already be stopped by then. */
  @Test
  void theJobExecutorStopsBeforeTheStartersListenerClosesTheWorkers() {
    // the starter registered first, as auto-configuration is: the order must not come from that
    AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(FakeStarter.class, ClientShutdown.class);
    FakeStarter starter = context.getBean(FakeStarter.class);

    context.publishEvent(new CamundaClientClosingSpringEvent(this, context.getBean(CamundaClient.class)));

    assertThat(starter.executorStoppedWhenWorkersClosed.get()).isTrue();
    context.close();
  }

  /** The beans of the Camunda starter that ClientShutdown works with. */
  @Configuration(proxyBeanMethods = false)
  static class FakeStarter implements DisposableBean {
    final ScheduledExecutorService jobExecutor = Executors.newScheduledThreadPool(1);
    final AtomicBoolean executorStoppedWhenWorkersClosed = new AtomicBoolean();

    @Bean
    CamundaClient camundaClient() {
      return mock(CamundaClient.class);
    }

    @Override
    public void destroy() {
      jobExecutor.shutdownNow();
    }

    @Bean
    CamundaClientExecutorService camundaClientThreadPool() {
      return new CamundaClientExecutorService(jobExecutor, true);
    }

    @Bean
    CamundaClientEventListener camundaClientEventListener() {
      return new CamundaClientEventListener(
          Set.of(
              new CamundaClientLifecycleAware() {
                @Override
                public void onStart(CamundaClient client) {}

                @Override
                public void onStop(CamundaClient client) {
                  executorStoppedWhenWorkersClosed.set(jobExecutor.isShutdown());
                }
              }));
    }
  }

  /**
   * A real client with one streaming worker against a port nobody listens on. Returns once the
   * first stream has failed and its re-open is scheduled, 300 ms ahead.
   */
  private JobWorker streamingWorkerWithReopenScheduled() throws Exception {
    executor = Executors.newScheduledThreadPool(1);
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    client =
        CamundaClient.newClientBuilder()
            .grpcAddress(nowhere)
            .restAddress(nowhere)
            .preferRestOverGrpc(false)
            .jobWorkerExecutor(executor, true)
            .build();
    CountDownLatch reopenScheduled = new CountDownLatch(1);
    JobWorker worker =
        client
            .newWorker()
            .jobType("jiefen.test.shutdown")
            .handler((jobClient, job) -> {})
            .streamEnabled(true)
            .pollInterval(Duration.ofMinutes(10))
            .backoffSupplier(
                previous -> {
                  // the worker's poller asks too; only the streamer's question means a re-open
                  if (StackWalker.getInstance()
                      .walk(frames -> frames.anyMatch(f -> f.getClassName().endsWith("JobStreamerImpl")))) {
                    reopenScheduled.countDown();
                  }
                  return 300;
                })
            .open();
    assertThat(reopenScheduled.await(10, TimeUnit.SECONDS)).as("stream failed and re-open scheduled").isTrue();
    return worker;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
