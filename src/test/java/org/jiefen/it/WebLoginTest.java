package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web interface's sign-in at the HTTP level: form login goes through the same lockout and audit
 * as the API's Basic authentication, the session id changes on sign-in, and state-changing requests
 * need the page's CSRF token.
 */
class WebLoginTest extends AppIntegrationTest {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  /** A browser-like client: cookies kept, redirects not followed (the test reads them). */
  final class Session {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String page) throws IOException, InterruptedException {
      Matcher m = CSRF.matcher(get(page).body());
      assertThat(m.find()).as("CSRF token on " + page).isTrue();
      return m.group(1);
    }

    /** Posts the login form; returns where it redirects. */
    String login(String user, String password) throws IOException, InterruptedException {
      String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf("/login"));
      HttpResponse<String> response = postForm("/login", form);
      assertThat(response.statusCode()).isEqualTo(302);
      return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    String sessionId() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
          .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }
  }

  @Test
  void wrongPasswordsOnTheLoginFormLockTheAccountAndAreAudited() throws Exception {
    Session browser = new Session();
    for (int i = 0; i < 10; i++) {
      assertThat(browser.login("yantian-leader", "guess-" + i)).isEqualTo("/login?error");
    }
    // The right password is refused while the lock lasts, and the page says why.
    assertThat(browser.login("yantian-leader", "demo")).isEqualTo("/login?locked");
    assertThat(browser.get("/login?locked").body()).contains("账号已临时锁定");
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(302);

    JsonNode failures = await().atMost(Duration.ofSeconds(15)).until(
        () -> rest.withBasicAuth("admin", "demo")
            .getForObject("/api/v1/audit?actor=yantian-leader&action=LOGIN_FAILED", JsonNode.class),
        events -> events.size() >= 11);
    assertThat(failures.get(0).get("outcome").asText()).isNotBlank();
  }

  @Test
  void signingInChangesTheSessionAndSigningOutNeedsTheToken() throws Exception {
    Session browser = new Session();
    browser.get("/login");
    String before = browser.sessionId();
    assertThat(browser.login("shijian-leader", "demo")).isEqualTo("/");
    assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
    HttpResponse<String> tasks = browser.get("/tasks");
    assertThat(tasks.statusCode()).isEqualTo(200);
    assertThat(tasks.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");

    // A forged form (no token) does not sign the user out; the page's token does.
    assertThat(browser.postForm("/logout", "").statusCode()).isEqualTo(403);
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(200);
    HttpResponse<String> out = browser.postForm("/logout", "_csrf=" + enc(browser.csrf("/tasks")));
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    assertThat(browser.get("/tasks").statusCode()).isEqualTo(302);
  }

  @Test
  void theApiStaysStatelessAndIgnoresTheFormLogin() throws Exception {
    Session browser = new Session();
    browser.login("shijian-leader", "demo");
    // A signed-in browser session is no credential for the API: it answers 401 with a problem body.
    HttpResponse<String> api = browser.get("/api/v1/tasks");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void anUnknownPageIsAPageForBrowsersAndAProblemForTheApi() throws Exception {
    Session browser = new Session();
    browser.login("shijian-leader", "demo");
    HttpResponse<String> page = browser.http.send(HttpRequest.newBuilder(uri("/no-such-page"))
        .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("未找到该页面");

    HttpResponse<String> api = browser.http.send(HttpRequest.newBuilder(uri("/api/v1/no-such-thing"))
        .header("Accept", "text/html").header("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("shijian-leader:demo".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
