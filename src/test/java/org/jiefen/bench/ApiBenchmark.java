package org.jiefen.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Case-create latency and throughput through the API of a running app (start it with the README
 * command first), and the time from intake until the case's first task (the consent task of the
 * village/community committee) is in the task list.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.ApiBenchmark
 *   [-Dbench.url=http://127.0.0.1:8088] [-Dbench.cases=500] [-Dbench.concurrency=8]</pre>
 */
public final class ApiBenchmark {

  private static final String BODY =
      """
      {"kind":"mediation","title":"压测 拖欠工资纠纷 %d","description":"基准测试生成的案件","category":"labour",
       "channel":"walk_in","unitCode":"440306001001",
       "parties":[{"name":"测试甲","role":"applicant","idNumber":"%s","phone":"%s"},
                  {"name":"测试乙公司","role":"respondent"}]}
      """;

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("bench.url", "http://127.0.0.1:8088");
    int cases = Integer.getInteger("bench.cases", 500);
    int concurrency = Integer.getInteger("bench.concurrency", 8);
    String auth = "Basic " + Base64.getEncoder().encodeToString("intake:demo".getBytes(StandardCharsets.UTF_8));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    for (int i = 0; i < 20; i++) {
      create(http, url, auth, -i);
    }
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Long> toTask = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    long started = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      for (int i = 0; i < cases; i++) {
        int n = i;
        pool.submit(() -> {
          long t0 = System.nanoTime();
          try {
            String id = create(http, url, auth, n);
            latencies.add(System.nanoTime() - t0);
            if (n % 10 == 0) {
              waitForTask(http, url, auth, id);
              toTask.add(System.nanoTime() - t0);
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        });
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Collections.sort(latencies);
    Collections.sort(toTask);
    System.out.printf(
        "%d cases, concurrency %d: %.1f cases/s; create p50 %.1f ms, p99 %.1f ms; intake to task listed (%d sampled)"
            + " p50 %.0f ms, p95 %.0f ms; failures %d%n",
        latencies.size(), concurrency, latencies.size() / seconds,
        EngineBenchmark.percentile(latencies, 50), EngineBenchmark.percentile(latencies, 99),
        toTask.size(), EngineBenchmark.percentile(toTask, 50), EngineBenchmark.percentile(toTask, 95), failures.get());
  }

  private static String create(HttpClient http, String url, String auth, int n) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/api/v1/cases"))
                .header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(n, idNumber(n), phone(n))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    String body = response.body();
    int start = body.indexOf("\"id\":\"") + 6;
    return body.substring(start, body.indexOf('"', start));
  }

  /**
   * A valid ID number per case: the same applicant twice with similar text would be flagged as a
   * possible duplicate and go to the intake clerk first, which is not the path measured here.
   */
  static String idNumber(int n) {
    long unique = (System.nanoTime() / 1000 + n) % 1_000_000L;
    String first17 = String.format("440306%04d%02d%02d%03d", 1950 + (int) (unique % 50), 1 + (int) (unique / 50 % 12),
        1 + (int) (unique / 600 % 28), (int) (unique / 16800 % 1000));
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  static String phone(int n) {
    return String.format("13%09d", Math.floorMod(System.nanoTime() / 1000 + n * 7919L, 1_000_000_000L));
  }

  private static void waitForTask(HttpClient http, String url, String auth, String caseId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + "/api/v1/tasks?caseId=" + caseId)).header("Authorization", auth).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.body().contains("\"caseId\":\"" + caseId + "\"")) {
        return;
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("no task for " + caseId);
  }
}
