package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

// Test numbers are made up and carry computed check characters; none belongs to a person.
class IdNumbersTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

  @ParameterizedTest
  @CsvSource({
    "11010519491231002X, 11010519491231002X",
    "11010519491231002x, 11010519491231002X",
    "' 110105 19491231 002X ', 11010519491231002X",
    "440304200002291236, 440304200002291236",
    "320102198001010016, 320102198001010016",
  })
  void acceptsAndNormalises(String raw, String normalised) {
    assertThat(IdNumbers.check(raw, TODAY).value()).isEqualTo(normalised);
  }

  @Test
  void checkCharacterFollowsIso7064() {
    assertThat(IdNumbers.checkChar("11010519491231002")).isEqualTo('X');
    assertThat(IdNumbers.checkChar("51010719900715001")).isEqualTo('1');
    assertThat(IdNumbers.checkChar("32010219800101004")).isEqualTo('0');
  }

  @ParameterizedTest
  @CsvSource({
    "110105194912310021, ID_NUMBER_CHECK_DIGIT",
    "110105194912310020, ID_NUMBER_CHECK_DIGIT",
    "320102198001010017, ID_NUMBER_CHECK_DIGIT",
    "11010519491231002, ID_NUMBER_LENGTH",
    "11010519491231002X1, ID_NUMBER_LENGTH",
    "110105491231002, ID_NUMBER_LENGTH",
    "1101051949123100XX, ID_NUMBER_FORMAT",
    "11010519491231002Y, ID_NUMBER_FORMAT",
    "11010A19491231002X, ID_NUMBER_FORMAT",
    "１１０１０５１９４９１２３１００２Ｘ, ID_NUMBER_FORMAT",
    "01010519491231002X, ID_NUMBER_ADDRESS_CODE",
    "110105194902300021, ID_NUMBER_BIRTH_DATE",
    "110105190002290021, ID_NUMBER_BIRTH_DATE",
    "110105194913010021, ID_NUMBER_BIRTH_DATE",
    "110105194912000021, ID_NUMBER_BIRTH_DATE",
    "110105189912310021, ID_NUMBER_BIRTH_DATE",
    "110105202506020021, ID_NUMBER_BIRTH_DATE",
  })
  void refusesWithReason(String raw, PiiReason reason) {
    assertThat(IdNumbers.check(raw, TODAY).reason()).isEqualTo(reason);
  }

  @Test
  void birthDateMayBeToday() {
    String first17 = "11010520250601002";
    String id = first17 + IdNumbers.checkChar(first17);
    assertThat(IdNumbers.check(id, TODAY).isValid()).isTrue();
    assertThat(IdNumbers.check(id, TODAY.minusDays(1)).reason())
        .isEqualTo(PiiReason.ID_NUMBER_BIRTH_DATE);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void blankIsItsOwnReason(String raw) {
    assertThat(IdNumbers.check(raw).reason()).isEqualTo(PiiReason.ID_NUMBER_BLANK);
  }

  @Test
  void normaliseThrowsWithCodeAndWithoutTheNumber() {
    assertThatThrownBy(() -> IdNumbers.normalise("110105194912310021"))
        .isInstanceOfSatisfying(
            InvalidPiiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("id-number.check-digit");
              assertThat(e.messageZh()).isEqualTo("身份证号码校验码不正确");
              assertThat(e.messageEn()).isEqualTo("ID number check digit is wrong");
            })
        .message()
        .doesNotContain("110105");
  }

  @Test
  void masksAllButRegionAndLastFour() {
    assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
    assertThat(IdNumbers.mask("440304200002291236")).isEqualTo("440304********1236");
  }

  @Test
  void checkResultDoesNotPrintTheNumber() {
    assertThat(IdNumbers.check("11010519491231002X", TODAY).toString()).doesNotContain("110105");
  }
}
