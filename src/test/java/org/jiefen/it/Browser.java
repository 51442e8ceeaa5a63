package org.jiefen.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through Debian's chromedriver: no browser is downloaded.
 * Saves a screenshot of each page a test names under {@code target/screenshots/}. One per test
 * class; {@link #close()} ends the browser.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  final ChromeDriver driver;
  private final String base;
  private final String prefix;

  /** A desktop browser (1280 × 900). */
  Browser(int port, String prefix) {
    this(port, prefix, 1280, 900);
  }

  Browser(int port, String prefix, int width, int height) {
    this.base = "http://127.0.0.1:" + port;
    this.prefix = prefix;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executable("JIEFEN_CHROMIUM", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--lang=zh-CN", "--window-size=" + width + "," + height, "--no-first-run", "--disable-extensions");
    // The console is kept, so a test can see what the page's scripts or our CSP refused.
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(executable("JIEFEN_CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  private static String executable(String env, String fallback) {
    String configured = System.getenv(env);
    return configured == null || configured.isBlank() ? fallback : configured;
  }

  Browser open(String path) {
    driver.get(base + path);
    return this;
  }

  String url() {
    return driver.getCurrentUrl().replace(base, "");
  }

  /** Signs in through the login page as a demo user (password demo). */
  Browser login(String user) {
    open("/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys("demo");
    driver.findElement(By.cssSelector("[data-test=login-submit]")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Signs out (the header's button). */
  Browser logout() {
    click("[data-test=logout]");
    waitFor(d -> d.getCurrentUrl().contains("/login"));
    return this;
  }

  WebElement find(String css) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The elements once there are {@code count} of them: after a click that reloads the page, say. */
  List<WebElement> all(String css, int count) {
    return waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(css), count));
  }

  boolean present(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  String text(String css) {
    return find(css).getText();
  }

  Browser click(String css) {
    waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    return this;
  }

  Browser type(String css, String value) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(value);
    return this;
  }

  /** The whole page's visible text. */
  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  <T> T waitFor(java.util.function.Function<? super WebDriver, T> condition) {
    // Selenium checks every 500 ms by default: most conditions hold within a few ms of the page's update.
    return new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(50)).until(condition);
  }

  /** Fetches a link of the page with the browser's session (a download does not show in the browser). */
  java.net.http.HttpResponse<byte[]> download(String href) throws IOException, InterruptedException {
    org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
        .header("Cookie", "JSESSIONID=" + session.getValue())
        .build();
    return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Saves {@code target/screenshots/<prefix>-<nn>-<name>.png} and returns it. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, SEQUENCE.incrementAndGet(), name));
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The console's errors since the last call (scripts' errors, CSP refusals, failed loads). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
