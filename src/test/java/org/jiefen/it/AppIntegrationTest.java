package org.jiefen.it;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that drive the whole app through HTTP. Subclasses share one application
 * context (one engine, one index prefix), so each must create its own cases and not depend on
 * the clock: {@code POST /dev/clock} moves time for all of them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "jiefen.deploy.locations=classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form,classpath*:test-models/refused/*")
abstract class AppIntegrationTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    AppTestSupport.register(registry, "api");
  }
}
