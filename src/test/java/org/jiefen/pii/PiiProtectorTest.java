package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PiiProtectorTest {

  private final PiiProtector protector = new PiiProtector(PiiKeys.generate());

  @Test
  void protectsAnIdNumber() {
    ProtectedValue value = protector.protectId("11010519491231002x");

    assertThat(value.masked()).isEqualTo("110105********002X");
    assertThat(value.cipher()).startsWith("v1:");
    assertThat(protector.reveal(value.cipher())).isEqualTo("11010519491231002X");
    assertThat(value.hash()).isEqualTo(protector.idHash("110105 19491231 002X"));
    assertThat(value.toString()).doesNotContain("19491231");
  }

  @Test
  void protectsAPhoneNumber() {
    ProtectedValue value = protector.protectPhone("+86 138-1234-5678");

    assertThat(value.masked()).isEqualTo("138****5678");
    assertThat(protector.reveal(value.cipher())).isEqualTo("13812345678");
    assertThat(value.hash()).isEqualTo(protector.phoneHash("13812345678"));
  }

  @Test
  void refusesInvalidInputWithAReason() {
    assertThatThrownBy(() -> protector.protectId("110105194912310021"))
        .isInstanceOfSatisfying(
            InvalidPiiException.class,
            e -> assertThat(e.reason()).isEqualTo(PiiReason.ID_NUMBER_CHECK_DIGIT));
    assertThatThrownBy(() -> protector.protectPhone("12812345678"))
        .isInstanceOfSatisfying(
            InvalidPiiException.class,
            e -> assertThat(e.reason()).isEqualTo(PiiReason.PHONE_FORMAT));
  }

  @Test
  void anotherInstallationCannotRevealOrMatch() {
    PiiProtector other = new PiiProtector(PiiKeys.generate());
    ProtectedValue value = protector.protectPhone("13812345678");

    assertThatThrownBy(() -> other.reveal(value.cipher()))
        .isInstanceOf(PiiDecryptionException.class);
    assertThat(other.phoneHash("13812345678")).isNotEqualTo(value.hash());
  }
}
