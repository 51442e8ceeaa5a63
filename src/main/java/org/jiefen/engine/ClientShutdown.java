package org.jiefen.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.spring.event.CamundaClientClosingSpringEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Shuts the Camunda client down so that a shutdown with the cluster unreachable cannot hang.
 *
 * <p>Client 8.8.14 has a lock leak in its job streamer: after a failed stream it schedules a
 * re-open on the job worker executor and keeps no handle to it; when that re-open runs after the
 * worker was closed, {@code JobStreamerImpl.open} sees the worker closed and returns without
 * releasing the stream lock. The worker is closed twice at shutdown (by the starter's lifecycle,
 * then again by {@code CamundaClientImpl.close}), and the second close waits for that lock forever.
 * With the cluster down the streams fail and are re-opened every few hundred milliseconds, so a
 * shutdown soon after start hit it about one time in five. Two measures:
 *
 * <ol>
 *   <li>The job worker executor is stopped before the workers are closed, dropping the pending
 *       re-opens, so no re-open can run after a close. Jobs being handled may finish.
 *   <li>The client is closed by us with a time limit, and only by us: Spring would otherwise infer
 *       {@code close()} for the AutoCloseable client and call it again without a limit.
 * </ol>
 *
 * Nothing is lost by giving up on the client: the state lives in the engine.
 */
@Configuration(proxyBeanMethods = false)
class ClientShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(ClientShutdown.class);
  static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);
  static final Duration JOB_DRAIN_LIMIT = Duration.ofSeconds(5);

  /**
   * An empty destroy method name, not null: with null, Spring infers {@code close()} for an
   * AutoCloseable bean and would close the client itself after our limited close gave up.
   */
  @Bean
  static BeanFactoryPostProcessor clientCloseTakenOver() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition("camundaClient")) {
        beanFactory.getBeanDefinition("camundaClient").setDestroyMethodName("");
      }
    };
  }

  @Bean
  DisposableBean camundaClientCloser(CamundaClient client) {
    return () -> closeWithin(client, CLOSE_LIMIT);
  }

  @Bean
  JobExecutorStop jobExecutorStop(CamundaClientExecutorService executor) {
    return new JobExecutorStop(executor.get());
  }

  /**
   * Runs before the starter's own listener of the same event, which closes the job workers: the
   * executor must be stopped while the workers are still open.
   */
  static final class JobExecutorStop {
    private final ScheduledExecutorService executor;

    JobExecutorStop(ScheduledExecutorService executor) {
      this.executor = executor;
    }

    @EventListener(CamundaClientClosingSpringEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void beforeWorkersClose() {
      stopJobExecutor(executor, JOB_DRAIN_LIMIT);
    }
  }

  /**
   * Stops the executor without running its delayed tasks (the stream re-opens): those would run
   * after the workers' close and leak the stream lock. Running job handlers get {@code drain} to
   * finish; after that they are interrupted, and their jobs time out and are retried by the engine.
   */
  static void stopJobExecutor(ScheduledExecutorService executor, Duration drain) {
    if (executor instanceof ScheduledThreadPoolExecutor pool) {
      pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      pool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
      executor.shutdown();
    } else {
      // no policy to set: drop everything queued, delayed re-opens included
      executor.shutdownNow();
    }
    try {
      if (!executor.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("job handlers still running after {}; interrupting them", drain);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the client on a daemon thread and stops waiting after {@code limit}. */
  static boolean closeWithin(AutoCloseable client, Duration limit) throws InterruptedException {
    Thread closing =
        Thread.ofPlatform()
            .daemon()
            .name("camunda-client-close")
            .start(
                () -> {
                  try {
                    client.close();
                  } catch (Exception e) {
                    LOG.warn("Camunda client close failed: {}", e.toString());
                  }
                });
    if (closing.join(limit)) {
      return true;
    }
    LOG.warn("Camunda client did not close within {}; leaving it to the JVM's exit", limit);
    return false;
  }
}
