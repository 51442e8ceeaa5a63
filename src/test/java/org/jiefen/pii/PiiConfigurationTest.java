package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jiefen.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Only the PII beans in a bare context: checks which mode gets which key source. */
class PiiConfigurationTest {

  private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String KEY_B = "HxscGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAAA=";

  @TempDir Path dataDir;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withBean(DataDirectory.class, () -> new DataDirectory(dataDir.toString()))
        .withUserConfiguration(PiiConfiguration.class, PiiProtector.class);
  }

  @Test
  void localModeGeneratesKeysUnderTheDataDirectory() {
    runner()
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(PiiProtector.class);
              assertThat(dataDir.resolve("keys/pii.properties")).exists();
            });
  }

  @Test
  void localModeUsesConfiguredKeysWhenGiven() {
    runner()
        .withPropertyValues(
            "jiefen.mode=local",
            "jiefen.pii.encryption-key=" + KEY_A,
            "jiefen.pii.hash-key=" + KEY_B)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(dataDir.resolve("keys")).doesNotExist();
            });
  }

  @Test
  void prodModeWithoutKeysFailsWithAClearMessage() {
    runner()
        .withPropertyValues("jiefen.mode=prod")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("Prod mode needs jiefen.pii.encryption-key and jiefen.pii.hash-key");
              assertThat(dataDir.resolve("keys")).doesNotExist();
            });
  }

  @Test
  void prodModeRefusesBadKeysWithoutQuotingThem() {
    runner()
        .withPropertyValues(
            "jiefen.mode=prod", "jiefen.pii.encryption-key=c2hvcnQ=", "jiefen.pii.hash-key=" + KEY_B)
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("jiefen.pii.encryption-key must be base64 of exactly 32 bytes")
                  .hasMessageNotContaining("c2hvcnQ=");
            });
  }

  @Test
  void prodModeRefusesTheSameKeyTwice() {
    runner()
        .withPropertyValues(
            "jiefen.mode=prod", "jiefen.pii.encryption-key=" + KEY_A, "jiefen.pii.hash-key=" + KEY_A)
        .run(
            context ->
                assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("must be different keys"));
  }

  @Test
  void prodModeWithKeysStarts() {
    runner()
        .withPropertyValues(
            "jiefen.mode=prod", "jiefen.pii.encryption-key=" + KEY_A, "jiefen.pii.hash-key=" + KEY_B)
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PiiProtector.class));
  }
}
