package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        " 13812345678 ",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "8613812345678",
        "86 13812345678",
      })
  void acceptsCommonSpellings(String raw) {
    assertThat(PhoneNumbers.normalise(raw)).isEqualTo("13812345678");
  }

  @ParameterizedTest
  @ValueSource(strings = {"13012345678", "19912345678", "16612345678"})
  void acceptsSecondDigitThreeToNine(String raw) {
    assertThat(PhoneNumbers.check(raw).isValid()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12812345678",
        "11812345678",
        "23812345678",
        "1381234567",
        "138123456789",
        "138a2345678",
        "138.1234.5678",
        "+1 13812345678",
        "+85213812345678",
        "13812+345678",
        "010-12345678",
        "0086 138 1234 5678",
      })
  void refusesOtherNumbers(String raw) {
    assertThat(PhoneNumbers.check(raw).reason()).isEqualTo(PiiReason.PHONE_FORMAT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void blankIsItsOwnReason(String raw) {
    assertThat(PhoneNumbers.check(raw).reason()).isEqualTo(PiiReason.PHONE_BLANK);
  }

  @Test
  void normaliseThrows() {
    assertThatThrownBy(() -> PhoneNumbers.normalise("1381234567"))
        .isInstanceOf(InvalidPiiException.class)
        .hasMessageContaining("phone.format");
  }

  @Test
  void masksMiddleFour() {
    assertThat(PhoneNumbers.mask("13812345678")).isEqualTo("138****5678");
  }
}
