package org.jiefen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Evidence is known by its first bytes; names and declared types only ever narrow what is accepted. */
class EvidenceTypeTest {

  @Test
  void theContentDecidesTheType() {
    assertThat(EvidenceType.of(bytes("%PDF-1.7 rest"))).contains(EvidenceType.PDF);
    assertThat(EvidenceType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(EvidenceType.JPEG);
    assertThat(EvidenceType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0})).contains(EvidenceType.PNG);
    assertThat(EvidenceType.of(bytes("<html>%PDF-"))).isEmpty();
    assertThat(EvidenceType.of(bytes(" %PDF-1.7"))).as("the magic must come first").isEmpty();
    assertThat(EvidenceType.of(bytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(EvidenceType.of(new byte[] {'P', 'K', 3, 4})).isEmpty();
    assertThat(EvidenceType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).as("a truncated signature").isEmpty();
    assertThat(EvidenceType.of(new byte[0])).isEmpty();
  }

  @Test
  void aDeclaredTypeMustAgreeOrClaimNothing() {
    assertThat(EvidenceType.PDF.agreesWith("application/pdf")).isTrue();
    assertThat(EvidenceType.PDF.agreesWith(null)).isTrue();
    assertThat(EvidenceType.PDF.agreesWith("application/octet-stream")).isTrue();
    assertThat(EvidenceType.PNG.agreesWith("IMAGE/PNG; charset=x")).isTrue();
    assertThat(EvidenceType.PDF.agreesWith("image/png")).isFalse();
    assertThat(EvidenceType.PDF.agreesWith("text/html")).isFalse();
    assertThat(EvidenceType.JPEG.agreesWith("image/svg+xml")).isFalse();
  }

  @Test
  void labelsAreNamesOnly() {
    assertThat(EvidenceService.label("../../etc/passwd", EvidenceType.PDF)).isEqualTo("passwd");
    assertThat(EvidenceService.label("C:\\Users\\王\\工资条.pdf", EvidenceType.PDF)).isEqualTo("工资条.pdf");
    assertThat(EvidenceService.label("a\r\nX-Injected: 1\u0000.png", EvidenceType.PNG)).isEqualTo("a X-Injected: 1 .png");
    assertThat(EvidenceService.label("\u202Egnp.exe", EvidenceType.PNG)).isEqualTo("gnp.exe");
    assertThat(EvidenceService.label("\"><script>.png", EvidenceType.PNG)).isEqualTo("script.png");
    assertThat(EvidenceService.label("x".repeat(300) + ".png", EvidenceType.PNG)).hasSize(100);
    assertThat(EvidenceService.label("", EvidenceType.JPEG)).isEqualTo("jpeg");
    assertThat(EvidenceService.label(null, EvidenceType.PNG)).isEqualTo("png");
    assertThat(EvidenceService.label("..", EvidenceType.PNG)).isEqualTo("png");
    assertThat(EvidenceService.label("电话13812345678.jpg", EvidenceType.JPEG)).doesNotContain("13812345678");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
