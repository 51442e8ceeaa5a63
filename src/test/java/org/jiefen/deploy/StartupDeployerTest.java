package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deployment at start with the engine unreachable: retried in the background until the app stops. */
class StartupDeployerTest {

  private CamundaClient client;

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void retriesInTheBackgroundAndStopsWhenTheContextCloses() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    client = CamundaClient.newClientBuilder().grpcAddress(nowhere).restAddress(nowhere).preferRestOverGrpc(true).build();
    // the catalog, the form registry and the audit log are only written after a successful deployment
    StartupDeployer deployer = new StartupDeployer(
        new ModelDeployment(client, null, null, null, null, Clock.systemUTC()), new ModelPreparer(),
        List.of("classpath*:processes/**/*.bpmn"));

    deployer.run(null);
    assertThat(deployer.retrying()).as("start not blocked, retry running").isTrue();

    long start = System.nanoTime();
    deployer.destroy();

    assertThat(deployer.retrying()).as("retry ended with the context").isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void noRetryStartsAfterTheContextClosed() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    client = CamundaClient.newClientBuilder().grpcAddress(nowhere).restAddress(nowhere).preferRestOverGrpc(true).build();
    StartupDeployer deployer = new StartupDeployer(
        new ModelDeployment(client, null, null, null, null, Clock.systemUTC()), new ModelPreparer(),
        List.of("classpath*:processes/**/*.bpmn"));

    deployer.destroy();
    deployer.run(null);

    assertThat(deployer.retrying()).isFalse();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
