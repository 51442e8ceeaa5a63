package org.jiefen.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes the Camunda client with a time limit. With the cluster unreachable, client 8.8.14 can
 * wait forever in its job streamer's close (a lock left held by a failed stream thread), which
 * turned a SIGTERM into a hang. Nothing is lost by giving up: the state lives in the engine.
 */
@Configuration(proxyBeanMethods = false)
class ClientShutdown {

  private static final Logger LOG = LoggerFactory.getLogger(ClientShutdown.class);
  private static final Duration LIMIT = Duration.ofSeconds(10);

  /** The starter closes the client itself, without a limit; that is taken over below. */
  @Bean
  static BeanFactoryPostProcessor clientCloseTakenOver() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition("camundaClient")) {
        beanFactory.getBeanDefinition("camundaClient").setDestroyMethodName(null);
      }
    };
  }

  @Bean
  DisposableBean camundaClientCloser(CamundaClient client) {
    return () -> {
      Thread closing = Thread.ofPlatform().daemon().name("camunda-client-close").start(client::close);
      if (!closing.join(LIMIT)) {
        LOG.warn("Camunda client did not close within {}; leaving it to the JVM's exit", LIMIT);
      }
    };
  }
}
