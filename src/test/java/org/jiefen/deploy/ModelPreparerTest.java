package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jiefen.deploy.Models.fixture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** File types, sizes and the non-BPMN resources. */
class ModelPreparerTest {

  private final ModelPreparer preparer = new ModelPreparer();

  @Test
  void validDmnPassesUnchanged() {
    byte[] dmn = fixture("Routing.dmn");
    PreparedResource prepared = preparer.prepare("shared/Routing.dmn", dmn);

    assertThat(prepared.kind()).isEqualTo(ModelKind.DMN);
    assertThat(prepared.bytes()).isEqualTo(dmn);
    assertThat(prepared.sha256hex()).isEqualTo(ModelPreparer.sha256(dmn));
  }

  @Test
  void validFormPassesUnchanged() {
    byte[] form = fixture("register.form");
    PreparedResource prepared = preparer.prepare("mediation/register.form", form);

    assertThat(prepared.kind()).isEqualTo(ModelKind.FORM);
    assertThat(prepared.bytes()).isEqualTo(form);
  }

  @Test
  void formThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> preparer.prepare("NotJson.form", fixture("NotJson.form")))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessage("NotJson.form refused: is not a form: the content is plain text");
    assertThatThrownBy(() -> preparer.prepare("broken.form", utf8("{\"id\": \"x\", ")))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageStartingWith("broken.form refused: is not valid JSON (line 1, column");
  }

  @Test
  void formMustBeAnObjectWithIdTypeAndComponents() {
    assertRefused("a.form", "[1, 2]", "the JSON must be an object");
    assertRefused("a.form", "{\"id\": \"a\", \"type\": \"default\"}", "no \"components\" array");
    assertRefused("a.form", "{\"type\": \"default\", \"components\": []}", "no \"id\"");
    assertRefused("a.form", "{\"id\": \"a\", \"components\": []}", "\"type\" must be \"default\"");
    assertRefused("a.form", "{\"id\": \"a\", \"id\": \"b\", \"type\": \"default\", \"components\": []}", "Duplicate field");
    assertRefused("a.form", "{\"id\": \"a\", \"type\": \"default\", \"components\": []} {}", "is not valid JSON");
    assertRefused("a.form", "<form/>", "is not a form: the content is XML");
  }

  @Test
  void formWhoseRulesTheServerCannotCheckIsRefused() {
    assertRefused(
        "a.form",
        "{\"id\": \"a\", \"type\": \"default\", \"components\": [{\"type\": \"expression\", \"key\": \"sum\"},"
            + " {\"type\": \"textfield\", \"key\": \"x\", \"validate\": {\"pattern\": \"[\"}}]}",
        "cannot be checked on task completion: component expression \"sum\" holds a value made in the browser");
    assertRefused(
        "a.form",
        "{\"id\": \"a\", \"type\": \"default\", \"components\": [{\"type\": \"textfield\", \"key\": \"x\", \"validate\": {\"pattern\": \"[\"}}]}",
        "not a valid regular expression");
  }

  @Test
  void tooLargeIsRefusedBeforeParsing() {
    // A DOCTYPE and broken XML as well: only the size may be reported, nothing was parsed.
    byte[] big = new byte[3 * 1024 * 1024];
    byte[] head = utf8("<!DOCTYPE x [<!ENTITY a \"b\">]><bpmn:definitions");
    System.arraycopy(head, 0, big, 0, head.length);
    Arrays.fill(big, head.length, big.length, (byte) ' ');

    assertThatThrownBy(() -> preparer.prepare("Huge.bpmn", big))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessage("Huge.bpmn refused: is 3.0 MB, more than the limit of 2.0 MB");
  }

  @Test
  void limitIsConfigurable() {
    assertThatThrownBy(() -> new ModelPreparer(100).prepare("Mediation.bpmn", fixture("Mediation.bpmn")))
        .hasMessageContaining("more than the limit of 0.1 KB");
  }

  @Test
  void otherFilesNamedBpmnAreRefused() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    assertRefused("Diagram.bpmn", png, "is not BPMN: the content is a PNG image");
    assertRefused("Diagram.bpmn", zip(), "is not BPMN: the content is a ZIP archive");
    assertRefused("Diagram.bpmn", utf8("先登记，再调解。\n"), "is not BPMN: the content is plain text");
    assertRefused("Diagram.bpmn", new byte[] {0, 1, 2, 3}, "is not BPMN: the content is binary data");
    assertRefused("Diagram.bpmn", fixture("register.form"), "is not BPMN: the content is JSON");
  }

  @Test
  void extensionMustMatchTheContent() {
    assertRefused("Routing.bpmn", fixture("Routing.dmn"), "is not BPMN: it contains a DMN model; name it .dmn");
    assertRefused("Mediation.dmn", fixture("Mediation.bpmn"), "is not DMN: it contains a BPMN model; name it .bpmn");
    assertRefused(
        "Other.bpmn",
        utf8("<?xml version=\"1.0\"?><definitions xmlns=\"urn:other\"/>"),
        "is not BPMN: it contains XML with root element {urn:other}definitions");
    assertRefused("Mediation.xml", fixture("Mediation.bpmn"), "unsupported file type");
    assertRefused("Mediation.bpmn.png", fixture("Mediation.bpmn"), "unsupported file type");
  }

  @Test
  void malformedXmlIsRefusedWithItsPosition() {
    assertThatThrownBy(() -> preparer.prepare("Malformed.bpmn", fixture("Malformed.bpmn")))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageStartingWith("Malformed.bpmn refused: is not well-formed XML (line 6, column");
  }

  @Test
  void emptyIsRefused() {
    assertRefused("Empty.bpmn", new byte[0], "is empty");
  }

  @Test
  void invalidDmnIsRefused() {
    String broken =
        new String(fixture("Routing.dmn"), StandardCharsets.UTF_8)
            .replace("<text>\"land\"</text>", "<text>\"land</text>");
    assertRefused("Routing.dmn", utf8(broken), "is not a valid DMN model");
  }

  private void assertRefused(String name, String content, String reason) {
    assertRefused(name, utf8(content), reason);
  }

  private void assertRefused(String name, byte[] content, String reason) {
    assertThatThrownBy(() -> preparer.prepare(name, content))
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageStartingWith(name + " refused: ")
        .hasMessageContaining(reason);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("Mediation.bpmn"));
      zip.write(fixture("Mediation.bpmn"));
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
