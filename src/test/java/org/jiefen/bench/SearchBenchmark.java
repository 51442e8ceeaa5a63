package org.jiefen.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search and KPI latency of a running app, after {@link ArchiveGenerator} and a reindex: {@code
 * bench.users} concurrent users (default 20), each sending {@code bench.requests} searches
 * (default 100) through {@code GET /api/v1/search} as one of four demo users
 * (district leader, street leader, village mediator, district petition clerk), with a mix of
 * Chinese words, names, filters, browsing without words, exact case-number lookups and paging
 * five pages deep; then the KPI page and API, one request at a time. Times are taken at the
 * client on the same machine, so they include the HTTP round trip.
 *
 * <p>Between two requests a user reads for {@code bench.think} milliseconds, drawn uniformly from
 * the given range (default {@code 1000-5000}: someone at a desk looking at a list of results or the
 * next page). {@code -Dbench.think=0} sends the requests back to back, which measures how many
 * searches per second the machine sustains rather than what users wait.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.SearchBenchmark
 *   [-Dbench.url=http://127.0.0.1:8088] [-Dbench.users=20] [-Dbench.requests=100] [-Dbench.think=1000-5000]
 *   [-Dbench.kpi=30]</pre>
 */
public final class SearchBenchmark {

  private static final String[] WORDS = {"工资", "拖欠工资", "漏水", "物业费", "噪音", "宅基地", "赡养费", "交通事故", "退款", "预付卡",
      "社会保险", "违法建筑", "征地补偿", "分期支付", "工伤赔偿", "停车管理", "医疗纠纷", "租赁押金", "遗产继承", "电梯维修",
      "施工噪音", "群体性", "劳动报酬", "抚养费", "借款"};
  private static final String[] NAMES = {"张建国", "王芳", "李娜", "刘伟", "陈静", "杨洋", "黄丽", "赵强", "周杰", "吴敏"};
  private static final String[] PLACES = {"海旺社区", "固戍", "西乡街道", "宝安大道", "臣田工业区"};
  private static final String[] CATEGORIES = {"labour", "neighbour", "family", "land", "property_management", "consumer"};
  private static final String[] UNITS = {"440306001000", "440306002000", "440306001001", "440306002002"};
  private static final String[][] USERS = {{"qu-leader"}, {"xinan-leader"}, {"haiwang-mediator"}, {"qu-petition"}};
  private static final Pattern NEXT = Pattern.compile("\"(?:next|after|nextAfter)\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern CASE_ID = Pattern.compile("\"id\"\\s*:\\s*\"((?:MD|XF)-\\d{8}-[0-9A-Z]{5})\"");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = System.getProperty("bench.url", "http://127.0.0.1:8088");
    int users = Integer.getInteger("bench.users", 20);
    int requests = Integer.getInteger("bench.requests", 100);
    int kpiRounds = Integer.getInteger("bench.kpi", 30);
    String password = System.getProperty("bench.password", "demo");
    String[] think = System.getProperty("bench.think", "1000-5000").split("-");
    long thinkMin = Long.parseLong(think[0].strip());
    long thinkMax = think.length > 1 ? Long.parseLong(think[1].strip()) : thinkMin;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newFixedThreadPool(users)).build();

    // Case numbers to look up exactly: from a browse as the district leader.
    List<String> ids = new ArrayList<>();
    Matcher m = CASE_ID.matcher(get(http, url + "/api/v1/search?size=100&year=2024", "qu-leader", password).body());
    while (m.find()) {
      ids.add(m.group(1));
    }
    System.out.printf("warming up (%d case numbers to look up)%n", ids.size());
    for (int i = 0; i < 100; i++) {
      search(http, url, password, new SplittableRandom(i), ids, new ConcurrentHashMap<>(), 0, 0);
    }

    Map<String, List<Long>> byKind = new ConcurrentHashMap<>();
    List<Long> all = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<?>> running = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int u = 0; u < users; u++) {
      int user = u;
      running.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(1000L + user);
        for (int i = 0; i < requests; i++) {
          try {
            all.addAll(search(http, url, password, random, ids, byKind, thinkMin, thinkMax));
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf("%d users (thinking %d-%d ms), %d requests in %.1f s (%.1f/s), %d failed%n", users, thinkMin, thinkMax,
        all.size(), seconds, all.size() / seconds, failures.get());
    System.out.printf("%-28s %7s %7s %7s %7s %7s%n", "searches", "n", "p50 ms", "p95 ms", "p99 ms", "max ms");
    print("all", all);
    byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> print(e.getKey(), e.getValue()));

    System.out.printf("%n%-40s %7s %7s %7s%n", "KPI (qu-leader, one at a time)", "p50 ms", "p95 ms", "max ms");
    HttpClient browser = PageBenchmark.signIn(url, "qu-leader");
    for (String path : new String[] {"/api/v1/kpi?unit=440306000000&from=2025-01-01&to=2025-12-31",
        "/api/v1/kpi?unit=440306001000&from=2025-07-01&to=2025-09-30", "/kpi?unit=440306000000&from=2025-01-01&to=2025-12-31"}) {
      List<Long> times = new ArrayList<>();
      for (int i = 0; i < kpiRounds + 5; i++) {
        long s = System.nanoTime();
        if (path.startsWith("/kpi")) {
          PageBenchmark.getOk(browser, url + path); // the page, signed in through the login form
        } else {
          HttpResponse<String> r = get(http, url + path, "qu-leader", password);
          if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
          }
        }
        if (i >= 5) {
          times.add((System.nanoTime() - s) / 1_000_000);
        }
      }
      Collections.sort(times);
      System.out.printf("%-40s %7d %7d %7d%n", path.length() > 40 ? path.substring(0, 40) : path, pct(times, 50),
          pct(times, 95), times.get(times.size() - 1));
    }
    System.exit(0);
  }

  /** One user action: a search, or five pages of one; answers the time of each request. */
  private static List<Long> search(HttpClient http, String url, String password, SplittableRandom r, List<String> ids,
      Map<String, List<Long>> byKind, long thinkMin, long thinkMax) throws Exception {
    String user = USERS[r.nextInt(USERS.length)][0];
    int pick = r.nextInt(100);
    String kind;
    String query;
    if (pick < 40) {
      kind = "word";
      query = "q=" + enc(WORDS[r.nextInt(WORDS.length)]);
    } else if (pick < 55) {
      kind = "two words / name";
      query = "q=" + enc(r.nextBoolean() ? NAMES[r.nextInt(NAMES.length)] : WORDS[r.nextInt(WORDS.length)] + " "
          + PLACES[r.nextInt(PLACES.length)]);
    } else if (pick < 75) {
      kind = "word + filters";
      query = "q=" + enc(WORDS[r.nextInt(WORDS.length)]) + "&category=" + CATEGORIES[r.nextInt(CATEGORIES.length)]
          + "&year=" + (2021 + r.nextInt(6)) + (r.nextBoolean() ? "&unit=" + UNITS[r.nextInt(UNITS.length)] : "");
    } else if (pick < 87) {
      kind = "browse (no words)";
      query = "kind=" + (r.nextBoolean() ? "mediation" : "petition") + "&year=" + (2021 + r.nextInt(6));
    } else if (pick < 93 && !ids.isEmpty()) {
      kind = "exact case number";
      user = "qu-leader";
      query = "q=" + ids.get(r.nextInt(ids.size()));
    } else {
      kind = "5 pages deep";
      query = "q=" + enc(WORDS[r.nextInt(WORDS.length)]);
    }
    List<Long> times = new ArrayList<>();
    String after = null;
    int pages = kind.startsWith("5 pages") ? 5 : 1;
    for (int p = 0; p < pages; p++) {
      if (thinkMax > 0) {
        Thread.sleep(thinkMin + r.nextLong(thinkMax - thinkMin + 1));
      }
      long s = System.nanoTime();
      HttpResponse<String> response = get(http, url + "/api/v1/search?size=20&" + query
          + (after == null ? "" : "&after=" + enc(after)), user, password);
      long ms = (System.nanoTime() - s) / 1_000_000;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(query + " answered " + response.statusCode() + ": " + response.body());
      }
      times.add(ms);
      byKind.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(ms);
      Matcher next = NEXT.matcher(response.body());
      if (!next.find()) {
        break;
      }
      after = next.group(1);
    }
    return times;
  }

  private static HttpResponse<String> get(HttpClient http, String url, String user, String password) throws Exception {
    String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(30))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void print(String name, List<Long> times) {
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf("%-28s %7d %7d %7d %7d %7d%n", name, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  private static long pct(List<Long> sorted, int p) {
    return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
