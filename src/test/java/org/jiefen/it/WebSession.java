package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP client for the web chain: cookies kept, redirects not followed (tests read them). */
final class WebSession {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  final CookieManager cookies = new CookieManager();
  final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  private final int port;

  WebSession(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postForm(String path, String form) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A script's request as the islands send it: a body, JSON accepted, the page's CSRF token in the header. */
  HttpResponse<String> send(String method, String path, byte[] body, String csrfToken) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/plain;charset=UTF-8")
        .header("Accept", "application/json").header("X-CSRF-TOKEN", csrfToken)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The token of a page's form. */
  String csrf(String page) throws IOException, InterruptedException {
    Matcher m = CSRF.matcher(get(page).body());
    assertThat(m.find()).as("CSRF token on " + page).isTrue();
    return m.group(1);
  }

  /** The token of a page's header (what the islands send). */
  String csrfMeta(String page) throws IOException, InterruptedException {
    Matcher m = CSRF_META.matcher(get(page).body());
    assertThat(m.find()).as("CSRF meta on " + page).isTrue();
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

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
