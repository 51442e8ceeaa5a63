package org.jiefen.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the shared app (see {@link AppIntegrationTest}), one headless browser
 * per test class whose screenshots are named by {@link #screenshotPrefix()}, and the API driver for
 * the steps a test is not about. A subclass's own {@code @BeforeAll} runs after this one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserIntegrationTest extends AppIntegrationTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  ApiDriver api;
  Browser browser;

  abstract String screenshotPrefix();

  @BeforeAll
  void openBrowser() {
    api = new ApiDriver(rest);
    browser = new Browser(port, screenshotPrefix());
  }

  @AfterAll
  void closeBrowser() {
    browser.close();
  }
}
