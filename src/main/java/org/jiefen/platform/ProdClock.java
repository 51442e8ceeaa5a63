package org.jiefen.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Production time is the system's; local mode's clock follows the engine (LocalEngineConfiguration). */
@Configuration(proxyBeanMethods = false)
@ProdMode
class ProdClock {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
