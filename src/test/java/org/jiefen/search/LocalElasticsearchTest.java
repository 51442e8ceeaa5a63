package org.jiefen.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalElasticsearchTest {

  @Test
  void sharedNodeIsHealthy() {
    LocalElasticsearch node = TestElasticsearch.node();
    assertThat(new NodeProbe(TestElasticsearch.PORT).probe()).isEqualTo(NodeProbe.State.ELASTICSEARCH_READY);
    assertThat(node.isRunning()).isTrue();
    assertThat(Path.of("target/test-data/es/logs/console.log")).exists();
  }

  @Test
  void secondInstanceReusesTheRunningNodeAndLeavesItRunning(@TempDir Path otherDir) {
    TestElasticsearch.node();
    LocalElasticsearch second = new LocalElasticsearch(ElasticsearchProperties.local(TestElasticsearch.PORT, "x"),
        otherDir);

    second.start();
    assertThat(second.startedByUs()).isFalse();
    second.stop();

    assertThat(second.isRunning()).isFalse();
    assertThat(new NodeProbe(TestElasticsearch.PORT).probe()).isEqualTo(NodeProbe.State.ELASTICSEARCH_READY);
    assertThat(otherDir.resolve("elasticsearch.pid")).doesNotExist();
  }

  @Test
  void refusesAPortHeldBySomethingElse(@TempDir Path dir) throws Exception {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.start();
    try {
      int port = server.getAddress().getPort();
      var local = new LocalElasticsearch(ElasticsearchProperties.local(port, "x"), dir);
      assertThatThrownBy(local::start).hasMessageContaining("not Elasticsearch");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void missingDistributionSaysHowToGetOne(@TempDir Path dir) {
    var props = new ElasticsearchProperties("http://127.0.0.1:1", 1, "512m", "x",
        ElasticsearchProperties.ChineseAnalyzer.BIGRAM, null, null, dir.resolve("nope"), 1, 0,
        java.time.Duration.ofSeconds(1), "");
    assertThatThrownBy(props::distribution).hasMessageContaining("./mvnw package")
        .hasMessageContaining("jiefen.elasticsearch.home");
  }

  @Test
  void aPrivateParentIsNotReachableByOthers(@TempDir Path dir) throws Exception {
    Path closed = Files.createDirectory(dir.resolve("closed"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path inner = Files.createDirectories(closed.resolve("inner"));
    assertThat(NodeLayout.reachableByOthers(inner)).isFalse();
    assertThat(NodeLayout.reachableByOthers(Path.of("/tmp"))).isTrue();
  }
}
