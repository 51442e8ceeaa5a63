package org.jiefen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One Elasticsearch node per test JVM, shared by every test class that asks for it. It runs on its own port
 * (9251, or -Djiefen.test.elasticsearch.port) so it never mixes with a developer's local-mode node on 9250,
 * keeps its data in target/test-data/es, and is stopped by LocalElasticsearch's shutdown hook at JVM exit.
 * Give each test class its own index prefix so classes do not see each other's documents.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void elasticsearch(DynamicPropertyRegistry registry) {
 *   TestElasticsearch.register(registry, "cases-it");
 * }
 * }</pre>
 */
public final class TestElasticsearch {

  public static final int PORT = Integer.getInteger("jiefen.test.elasticsearch.port", 9251);

  private static LocalElasticsearch node;
  private static ElasticsearchClient client;

  private TestElasticsearch() {}

  /** The running node, started on first use. */
  public static synchronized LocalElasticsearch node() {
    if (node == null) {
      // generous: on a busy 2-core machine (CI, parallel builds) the first start has taken up to ~80 s
      var props = ElasticsearchProperties.local(PORT, "test");
      props = new ElasticsearchProperties(props.url(), props.port(), props.heap(), props.indexPrefix(),
          props.analyzer(), null, null, null, 1, 0, Duration.ofSeconds(180), props.javaOpts());
      LocalElasticsearch started = new LocalElasticsearch(props, Path.of("target/test-data/es"));
      started.start();
      node = started;
    }
    return node;
  }

  public static String url() {
    return node().url();
  }

  /** Properties for a client of the shared node whose indices are named {@code <indexPrefix>-cases} etc. */
  public static ElasticsearchProperties properties(String indexPrefix) {
    node();
    return ElasticsearchProperties.local(PORT, indexPrefix);
  }

  /** A client of the shared node, configured like the application's bean. */
  public static synchronized ElasticsearchClient client() {
    if (client == null) {
      client = new ElasticsearchClient(ElasticsearchConfiguration.transport(
          ElasticsearchConfiguration.restClient(properties("test"))));
    }
    return client;
  }

  /**
   * Points a Spring test context at the shared node. The context's own LocalElasticsearch then finds the
   * node on the port, reuses it and leaves it running for the next context.
   */
  public static void register(DynamicPropertyRegistry registry, String indexPrefix) {
    node();
    registry.add("jiefen.elasticsearch.url", TestElasticsearch::url);
    registry.add("jiefen.elasticsearch.port", () -> PORT);
    registry.add("jiefen.elasticsearch.index-prefix", () -> indexPrefix);
  }
}
