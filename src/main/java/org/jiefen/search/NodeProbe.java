package org.jiefen.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a port whether Elasticsearch is there. Uses cluster health, not {@code GET /}: the integ-test
 * distribution lacks the rest-root module, so {@code GET /} answers 405 there.
 */
final class NodeProbe {

  enum State { NOTHING, ELASTICSEARCH_READY, ELASTICSEARCH_NOT_READY, SOMETHING_ELSE }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI health;

  NodeProbe(int port) {
    this.health = URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout=1s");
  }

  State probe() {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      boolean elastic = "Elasticsearch".equals(response.headers().firstValue("X-elastic-product").orElse(null))
          || response.body().contains("\"cluster_name\"");
      if (!elastic) {
        return State.SOMETHING_ELSE;
      }
      return response.statusCode() == 200 && !response.body().contains("\"timed_out\":true")
          ? State.ELASTICSEARCH_READY : State.ELASTICSEARCH_NOT_READY;
    } catch (IOException e) {
      return State.NOTHING;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return State.NOTHING;
    }
  }
}
