package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.jiefen.deploy.Models.fixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class XmlAttackTest {

  private final ModelPreparer preparer = new ModelPreparer();

  @Test
  void externalEntityIsRefusedAndNoFileIsRead() throws Exception {
    Throwable refused = catchRefusal(() -> preparer.prepare("Xxe.bpmn", fixture("Xxe.bpmn")));

    assertThat(refused)
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining("Xxe.bpmn refused: contains a DOCTYPE declaration");
    String passwdLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
    for (Throwable t = refused; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(passwdLine).doesNotContain("root:");
    }
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    long start = System.nanoTime();
    Throwable refused =
        catchRefusal(() -> preparer.prepare("BillionLaughs.bpmn", fixture("BillionLaughs.bpmn")));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(refused).hasMessageContaining("contains a DOCTYPE declaration");
    assertThat(took).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void doctypeInAnOtherwiseValidModelIsRefused() {
    String withDoctype =
        new String(fixture("Mediation.bpmn"), StandardCharsets.UTF_8)
            .replace("<bpmn:definitions", "<!DOCTYPE bpmn:definitions>\n<bpmn:definitions");
    assertThatThrownBy(
            () -> preparer.prepare("Mediation.bpmn", withDoctype.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("remove the <!DOCTYPE ...> block");
  }

  @Test
  void xincludeIsNotFollowed() {
    String xinclude =
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:xi=\"http://www.w3.org/2001/XInclude\" id=\"D\" targetNamespace=\"t\">"
            + "<bpmn:process id=\"P\" isExecutable=\"true\"><bpmn:documentation>"
            + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"
            + "</bpmn:documentation><bpmn:startEvent id=\"S\"/></bpmn:process></bpmn:definitions>";
    Throwable outcome =
        catchRefusal(() -> preparer.prepare("X.bpmn", xinclude.getBytes(StandardCharsets.UTF_8)));
    // Refused by the schema or accepted verbatim; either way the file's content must not appear.
    if (outcome == null) {
      PreparedResource prepared =
          preparer.prepare("X.bpmn", xinclude.getBytes(StandardCharsets.UTF_8));
      assertThat(new String(prepared.bytes(), StandardCharsets.UTF_8)).doesNotContain("root:");
    } else {
      assertThat(outcome.getMessage()).doesNotContain("root:");
    }
  }

  private static Throwable catchRefusal(ThrowingCallable call) {
    return catchThrowable(call);
  }
}
