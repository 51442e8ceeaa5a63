package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Runs the real logback-spring.xml in a private logger context and reads what the console got. */
class LogMaskingTest {

  private final LoggerContext context = new LoggerContext();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void configure() throws Exception {
    // A fresh context lacks what SLF4J's binding normally installs; without it every append fails.
    context.setMDCAdapter(new LogbackMDCAdapter());
    URL config = getClass().getResource("/logback-spring.xml");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    OutputStreamAppender<?> appender =
        (OutputStreamAppender<?>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    assertThat(appender).as("CONSOLE appender from Spring Boot's console-appender.xml").isNotNull();
    appender.setOutputStream(console);
  }

  @AfterEach
  void stop() {
    // Converter failures do not throw, they only land here.
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    context.stop();
  }

  @Test
  void messagesAndArgumentsAreMasked() {
    Logger log = context.getLogger("org.jiefen.cases.Intake");

    log.info("registered party id={} phone={}", "11010519491231002X", "138 1234 5678");
    log.warn("raw text: 身份证440304200002291236 手机13987654321");

    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("id=110105********002X", "phone=138****5678")
        .contains("身份证440304********1236 手机139****4321")
        .contains("INFO", "org.jiefen.cases.Intake")
        .doesNotContain("19491231", "1234 5678", "20000229", "13987654321");
  }

  @Test
  void exceptionMessagesAreMasked() {
    Logger log = context.getLogger("org.jiefen.cases.Intake");

    log.error("lookup failed", new IllegalStateException("no party with 320102198001010016"));

    String out = console.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("lookup failed", "IllegalStateException", "no party with 320102********0016")
        .doesNotContain("19800101");
  }
}
