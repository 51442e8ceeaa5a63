package org.jiefen.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiefen.search.TestElasticsearch;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Settings shared by the tests that run the whole app against the test JVM's Elasticsearch node. */
final class AppTestSupport {

  /** One id per test JVM, so a run never sees the indices or engine log of an earlier one. */
  static final String RUN = Long.toString(Instant.now().toEpochMilli(), 36);

  static {
    // Awaitility's first look comes after one poll interval (100 ms) by default; most conditions
    // already hold by then, and the test classes of the app wait hundreds of times.
    org.awaitility.Awaitility.setDefaultPollDelay(java.time.Duration.ZERO);
  }

  private AppTestSupport() {}

  private static TcpRelay elasticsearch;

  /**
   * The app under test reaches the shared Elasticsearch node through this relay, so a test can
   * take Elasticsearch away from the app (cut) and give it back without stopping the node or
   * starting a second app. Whatever runs in the background meanwhile must cope, as it must in
   * production.
   */
  static synchronized TcpRelay elasticsearch() {
    if (elasticsearch == null) {
      elasticsearch = new TcpRelay(TestElasticsearch.PORT);
    }
    return elasticsearch;
  }

  static void register(DynamicPropertyRegistry registry, String name) {
    TestElasticsearch.register(registry, "it-" + name + "-" + RUN);
    // the client goes through the relay; the port still names the node, which the app finds running
    String relayed = "http://127.0.0.1:" + elasticsearch().port();
    registry.add("jiefen.elasticsearch.url", () -> relayed);
    registry.add("jiefen.data-dir", () -> "target/test-data/" + name + "-" + RUN);
    // Real free ports, not 0: dynamic properties outrank the app's own port-0 resolution.
    int enginePort = freePort();
    int mailPort = freePort();
    registry.add("jiefen.engine.port", () -> enginePort);
    registry.add("jiefen.mail.port", () -> mailPort);
    registry.add("jiefen.cases.start-retry", () -> "2s");
  }

  /**
   * Settings as command-line arguments, for tests that start their own app: as default properties
   * they would rank below application.yml (the local data directory, port 8088, ...).
   */
  static String[] args(Map<String, Object> settings) {
    return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }

  static int freePort() {
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, Object> wageDispute(String unitCode, String idNumber, String phone) {
    return Map.of(
        "kind", "mediation",
        "title", "王某与某公司拖欠工资纠纷",
        "description", "拖欠三个月工资共计一万八千元。",
        "category", "labour",
        "channel", "walk_in",
        "unitCode", unitCode,
        "parties",
            List.of(
                Map.of("name", "王小明", "role", "applicant", "idNumber", idNumber, "phone", phone,
                    "email", "wang.xm@example.com"),
                Map.of("name", "某劳务派遣有限公司", "role", "respondent")));
  }

  private static final java.util.Random RANDOM = new java.util.Random();

  /**
   * A valid ID number no other test uses. Tests that register many cases need fresh parties:
   * intake flags the same party with similar text within 90 days as a possible duplicate.
   */
  static String uniqueIdNumber() {
    return idNumber(String.format("440306%04d%02d%02d%03d",
        1950 + RANDOM.nextInt(50), 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), RANDOM.nextInt(1000)));
  }

  static String uniquePhone() {
    return String.format("13%09d", RANDOM.nextInt(1_000_000_000));
  }

  /** A valid GB 11643 number built from 17 digits. */
  static String idNumber(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }
}
