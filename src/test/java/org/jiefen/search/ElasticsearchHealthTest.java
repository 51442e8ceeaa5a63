package org.jiefen.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.elasticsearch.ElasticsearchRestHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class ElasticsearchHealthTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ElasticsearchProperties.class)
  @Import({ElasticsearchConfiguration.class, ElasticsearchHealth.class})
  static class SearchBeans {}

  /** Boot's own Elasticsearch auto-configuration is on the classpath; ours must win and be the only one. */
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ElasticsearchRestClientAutoConfiguration.class,
          ElasticsearchClientAutoConfiguration.class, ElasticsearchRestHealthContributorAutoConfiguration.class))
      .withUserConfiguration(SearchBeans.class);

  @Test
  void oneElasticsearchClientAndOneHealthIndicatorThatIsUp() {
    runner.withPropertyValues("jiefen.elasticsearch.url=" + TestElasticsearch.url(), "jiefen.mode=prod")
        .run(context -> {
          assertThat(context).hasSingleBean(ElasticsearchClient.class);
          assertThat(context.getBeansOfType(HealthContributor.class)).containsOnlyKeys("elasticsearchHealthIndicator");
          var health = context.getBean(ElasticsearchHealth.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("cluster", "jiefen-local").containsKey("status");
        });
  }

  @Test
  void downWhenNothingAnswers() {
    runner.withPropertyValues("jiefen.elasticsearch.url=http://127.0.0.1:1", "jiefen.mode=prod")
        .run(context -> assertThat(context.getBean(ElasticsearchHealth.class).health().getStatus())
            .isEqualTo(Status.DOWN));
  }
}
