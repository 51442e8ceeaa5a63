package org.jiefen.engine;

import io.camunda.client.CamundaClient;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Up when the engine (embedded or cluster) answers a topology request. */
@Component("engine")
class EngineHealth implements HealthIndicator {

  private final CamundaClient client;

  EngineHealth(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    try {
      var topology = client.newTopologyRequest().send().join(5, java.util.concurrent.TimeUnit.SECONDS);
      return Health.up()
          .withDetail("gatewayVersion", topology.getGatewayVersion())
          .withDetail("partitions", topology.getPartitionsCount())
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }

}
