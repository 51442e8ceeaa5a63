package org.jiefen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows as {@code elasticsearch} under /actuator/health. The bean name is the one Spring Boot's own
 * indicator backs off for, so there is exactly one.
 */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealth implements HealthIndicator {

  private final ElasticsearchClient client;
  private final ElasticsearchProperties properties;

  ElasticsearchHealth(ElasticsearchClient client, ElasticsearchProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public Health health() {
    try {
      HealthResponse health = client.cluster().health(h -> h.timeout(t -> t.time("2s")));
      Health.Builder builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
      return builder
          .withDetail("url", properties.url())
          .withDetail("cluster", health.clusterName())
          .withDetail("status", health.status().jsonValue())
          .withDetail("nodes", health.numberOfNodes())
          .withDetail("activeShards", health.activeShards())
          .withDetail("unassignedShards", health.unassignedShards())
          .build();
    } catch (Exception e) {
      return Health.down(e).withDetail("url", properties.url()).build();
    }
  }
}
