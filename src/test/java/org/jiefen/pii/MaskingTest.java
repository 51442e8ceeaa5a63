package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MaskingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "申请人身份证号11010519491231002X，电话13812345678。|申请人身份证号110105********002X，电话138****5678。",
        "id=11010519491231002x|id=110105********002x",
        "id 110105194912310021 with a wrong check digit|id 110105********0021 with a wrong check digit",
        "call 138 1234 5678 or 139-8765-4321|call 138****5678 or 139****4321",
        "tel:+8613812345678|tel:+86138****5678",
        "two: 440304200002291236, 320102198001010016|two: 440304********1236, 320102********0016",
      })
  void masksNumbersInText(String text, String masked) {
    assertThat(Masking.maskText(text)).isEqualTo(masked);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "process instance 2251799813685249 started",
        "order 123456789012345678 is not a date",
        "nineteen digits 1101051949123100211",
        "twelve digits 138123456789",
        "landline 010-12345678",
        "case 2025-000123, no numbers",
        "",
      })
  void leavesOtherTextAlone(String text) {
    assertThat(Masking.maskText(text)).isEqualTo(text);
  }

  @Test
  void nullStaysNull() {
    assertThat(Masking.maskText(null)).isNull();
  }
}
