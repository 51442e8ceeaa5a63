package org.jiefen.engine.local;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jiefen.platform.LocalMode;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@LocalMode
class LocalEngineConfiguration {

  /** The Camunda clients must not be built before the engine they talk to has replayed its log. */
  @Bean
  static BeanFactoryPostProcessor engineBeforeClients() {
    return beanFactory -> {
      for (String client : new String[] {"camundaClient", "zeebeClient"}) {
        if (beanFactory.containsBeanDefinition(client)) {
          var definition = beanFactory.getBeanDefinition(client);
          String[] dependsOn = definition.getDependsOn();
          String[] next = dependsOn == null ? new String[1] : java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
          next[next.length - 1] = "localEngine";
          definition.setDependsOn(next);
        }
      }
    };
  }

  /** The app's clock follows the engine's, so deadlines computed by the app match its timers. */
  @Bean
  Clock clock(LocalEngine engine) {
    return new EngineClock(engine, ZoneOffset.UTC);
  }

  private static final class EngineClock extends Clock {
    private final LocalEngine engine;
    private final ZoneId zone;

    EngineClock(LocalEngine engine, ZoneId zone) {
      this.engine = engine;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new EngineClock(engine, zone);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(engine.offset());
    }
  }
}
