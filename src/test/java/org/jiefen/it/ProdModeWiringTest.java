package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.jiefen.JiefenApplication;
import org.jiefen.search.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * The jar in prod mode: wired to an Elasticsearch cluster, an SMTP server and a Camunda cluster by
 * configuration alone, with nothing embedded and no dev endpoints. No cluster runs here, so the
 * engine is reported down; what this checks is that every bean exists in this mode.
 */
class ProdModeWiringTest {

  private ConfigurableApplicationContext app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void startsAgainstExternalComponentsWithoutLocalParts() {
    Map<String, Object> env = new HashMap<>();
    env.put("spring.profiles.active", "prod");
    env.put("server.port", 0);
    env.put("JIEFEN_ES_URL", TestElasticsearch.url());
    env.put("jiefen.elasticsearch.index-prefix", "it-prod-" + AppTestSupport.RUN);
    env.put("JIEFEN_SMTP_HOST", "127.0.0.1");
    env.put("JIEFEN_SMTP_PORT", AppTestSupport.freePort());
    env.put("JIEFEN_PII_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("JIEFEN_PII_HASH_KEY", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
        13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
    env.put("CAMUNDA_GRPC_ADDRESS", "http://127.0.0.1:" + AppTestSupport.freePort());
    env.put("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + AppTestSupport.freePort());
    env.put("jiefen.data-dir", "target/test-data/prod-" + AppTestSupport.RUN);

    app = new SpringApplicationBuilder(JiefenApplication.class).properties(env).run();

    assertThat(app.getBeanNamesForType(io.camunda.zeebe.process.test.engine.DurableEngine.class)).isEmpty();
    assertThat(app.containsBean("localEngine")).isFalse();
    assertThat(app.containsBean("localElasticsearch")).isFalse();
    assertThat(app.getBeanNamesForType(org.jiefen.mail.LocalMailServer.class)).isEmpty();
    RestTemplate http = new RestTemplateBuilder()
        .rootUri("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build();
    try {
      http.postForEntity("/dev/clock", Map.of("advance", "P1D"), JsonNode.class);
      throw new AssertionError("/dev/clock must not exist in prod mode");
    } catch (HttpClientErrorException e) {
      assertThat(e.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }
    JsonNode health;
    try {
      health = http.getForObject("/actuator/health", JsonNode.class);
    } catch (HttpServerErrorException e) {
      health = e.getResponseBodyAs(JsonNode.class);
    }
    assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("DOWN");
  }
}
