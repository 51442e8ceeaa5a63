package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;

  @Test
  void wrongPasswordsOnTheLoginFormLockTheAccountAndAreAudited() throws Exception {
    WebSession browser = new WebSession(port);
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
    WebSession browser = new WebSession(port);
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
    WebSession browser = new WebSession(port);
    browser.login("shijian-leader", "demo");
    // A signed-in browser session is no credential for the API: it answers 401 with a problem body.
    HttpResponse<String> api = browser.get("/api/v1/tasks");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
  }

  @Test
  void anUnknownPageIsAPageForBrowsersAndAProblemForTheApi() throws Exception {
    WebSession browser = new WebSession(port);
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
    return WebSession.enc(s);
  }
}
