package org.jiefen.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server time of the web interface's pages with many open cases: loads {@code bench.cases} open
 * disputes (default 1,000) through the API of a running app, spread over the four demo villages,
 * then signs in through the login form as the people who use each page and requests it
 * {@code bench.rounds} times (default 100) one after another, after 20 warm-up requests. Times are
 * taken at the client on the same machine (loopback), so they include the HTTP round trip.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.PageBenchmark
 *   [-Dbench.url=http://127.0.0.1:8088] [-Dbench.cases=1000] [-Dbench.rounds=100]</pre>
 *
 * {@code -Dbench.cases=0} measures what is loaded already.
 */
public final class PageBenchmark {

  static final String[] VILLAGES = {"440306001001", "440306001002", "440306002001", "440306002002"};
  static final String[] TITLES = {"拖欠工资纠纷", "邻里漏水纠纷", "物业费纠纷", "宅基地界址纠纷", "装修噪音纠纷", "消费退款纠纷"};
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("bench.url", "http://127.0.0.1:8088");
    int cases = Integer.getInteger("bench.cases", 1000);
    int rounds = Integer.getInteger("bench.rounds", 100);
    HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    String lastCase = load(api, url, cases);
    String caseId = lastCase != null ? lastCase : firstId(get(api, url + "/api/v1/tasks?state=CREATED", basic("haiwang-mediator")), "caseId");
    String taskId = firstId(get(api, url + "/api/v1/tasks?caseId=" + caseId, basic("intake")), "id");

    // A mediator's own list: claim up to 50 of the village's open tasks for haiwang-mediator.
    java.util.regex.Matcher ids = Pattern.compile("\\{\"id\":\"(\\d+)\"").matcher(
        get(api, url + "/api/v1/tasks?state=CREATED&candidateGroup=mediator:440306001001", basic("haiwang-mediator")));
    for (int claimed = 0; claimed < 50 && ids.find(); claimed++) {
      api.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/tasks/" + ids.group(1) + "/claim"))
          .header("Authorization", basic("haiwang-mediator")).POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
    }

    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("task list, my unit's unclaimed (haiwang-mediator)", new String[] {"haiwang-mediator", "/tasks?view=unit"});
    pages.put("task list, mine (haiwang-mediator)", new String[] {"haiwang-mediator", "/tasks"});
    pages.put("task page (intake)", new String[] {"intake", "/tasks/" + taskId});
    pages.put("case page (intake)", new String[] {"intake", "/cases/" + caseId});
    pages.put("intake page (intake)", new String[] {"intake", "/intake"});
    pages.put("supervisor board, street (xinan-leader)", new String[] {"xinan-leader", "/board"});
    pages.put("supervisor board, district (qu-leader)", new String[] {"qu-leader", "/board"});
    pages.put("citizen query form (anonymous)", new String[] {null, "/query"});

    System.out.printf("%-52s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms", "KB");
    for (Map.Entry<String, String[]> page : pages.entrySet()) {
      HttpClient browser = page.getValue()[0] == null ? api : signIn(url, page.getValue()[0]);
      String target = url + page.getValue()[1];
      for (int i = 0; i < 20; i++) {
        getOk(browser, target);
      }
      List<Long> times = new ArrayList<>();
      int size = 0;
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        size = getOk(browser, target).length();
        times.add(System.nanoTime() - t0);
      }
      times.sort(null);
      System.out.printf("%-52s %8.1f %8.1f %8.1f %8.1f%n", page.getKey(), EngineBenchmark.percentile(times, 50),
          EngineBenchmark.percentile(times, 95), times.get(times.size() - 1) / 1e6, size / 1024.0);
    }
  }

  /** Registers {@code n} disputes, four at a time; returns the id of one of them (null when n is 0). */
  static String load(HttpClient http, String url, int n) throws Exception {
    if (n == 0) {
      return null;
    }
    AtomicInteger done = new AtomicInteger();
    String[] one = new String[1];
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < n; i++) {
        int k = i;
        pool.submit(() -> {
          String body = """
              {"kind":"mediation","title":"%s %d","description":"页面基准测试生成的第%d件纠纷","category":"other",
               "channel":"walk_in","unitCode":"%s",
               "parties":[{"name":"测试甲%d","role":"applicant","idNumber":"%s","phone":"%s"},
                          {"name":"测试乙%d","role":"respondent"}]}
              """.formatted(TITLES[k % TITLES.length], k, k, VILLAGES[k % VILLAGES.length], k,
              ApiBenchmark.idNumber(k), ApiBenchmark.phone(k), k);
          HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/cases"))
              .header("Authorization", basic("intake")).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
          if (created.statusCode() != 201) {
            throw new IllegalStateException("HTTP " + created.statusCode() + ": " + created.body());
          }
          if (k % VILLAGES.length == 0) {
            one[0] = firstId(created.body(), "id");
          }
          done.incrementAndGet();
          return null;
        });
      }
    }
    System.out.printf("loaded %d open cases in %.0f s%n", done.get(), (System.nanoTime() - t0) / 1e9);
    Thread.sleep(5_000); // let the last tasks reach the task list
    return one[0];
  }

  static HttpClient signIn(String url, String user) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    Matcher token = CSRF.matcher(getOk(browser, url + "/login"));
    if (!token.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form = "username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(url + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in refused for " + user);
    }
    return browser;
  }

  static String getOk(HttpClient http, String url) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " for " + url);
    }
    return response.body();
  }

  static String get(HttpClient http, String url, String auth) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static String firstId(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json.substring(0, Math.min(200, json.length())));
    }
    return m.group(1);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
