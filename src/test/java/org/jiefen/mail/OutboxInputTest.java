package org.jiefen.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the outbox accepts before anything is stored: one plain recipient, one-line subject, masked text. */
class OutboxInputTest {

  @Test
  void recipientIsOnePlainAddress() {
    assertThat(Outbox.recipient(" wang@example.com ")).isEqualTo("wang@example.com");
    for (String bad : new String[] {
        null, "", "a@b.cn\r\nBcc: x@evil.example", "a@b.cn\nX-Injected: 1", "a@b.cn, c@d.cn",
        "Wang <a@b.cn>", "not an address", "a@b.cn\u0000"}) {
      assertThatThrownBy(() -> Outbox.recipient(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void subjectIsOneMaskedLine() {
    String subject = Outbox.subject("案件 MD-1\r\nBcc: x@evil.example 电话 13712345678 身份证 11010519491231002X");

    assertThat(subject).doesNotContain("\r").doesNotContain("\n")
        .doesNotContain("13712345678").doesNotContain("11010519491231002X")
        .contains("137****5678").contains("110105********002X");
  }

  @Test
  void numbersSplitByAControlCharacterAreStillMasked() {
    assertThat(Outbox.text("电话 137\u00071234\u00075678")).doesNotContain("13712345678").contains("137****5678");
  }

  @Test
  void textKeepsItsLinesAndLosesOtherControlCharacters() {
    assertThat(Outbox.text("第一行\r\n第二行\u0007\t完")).isEqualTo("第一行\n第二行\t完");
  }

  @Test
  void theSameEventAndRecipientGetTheSameIdWhateverTheCase() {
    assertThat(Outbox.id("MD-1:x:1", "Wang@Example.com")).isEqualTo(Outbox.id("MD-1:x:1", "wang@example.com"))
        .isNotEqualTo(Outbox.id("MD-1:x:2", "wang@example.com"));
  }
}
