package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Accused names are compared as keyed hashes of normalised names; staff display names as their parts. */
class PersonNamesTest {

  private final PiiProtector protector = new PiiProtector(PiiKeys.generate());

  @Test
  void spellingsOfOneNameAgree() {
    assertThat(PersonNames.normalise(" 李 娜 ")).isEqualTo("李娜");
    assertThat(PersonNames.normalise("李\u3000娜")).isEqualTo("李娜");
    assertThat(PersonNames.normalise("ＷＡＮＧ Li")).isEqualTo("wangli");
    assertThat(protector.nameHash("李 娜")).isEqualTo(protector.nameHash("李娜")).hasSize(64);
    assertThat(protector.nameHash("李娜")).isNotEqualTo(protector.nameHash("李纳"));
  }

  @Test
  void aDisplayNameStandsForItsWholeAndItsParts() {
    assertThat(PersonNames.candidates("区信访局 李娜")).containsExactly("区信访局李娜", "区信访局", "李娜");
    assertThat(protector.displayNameHashes("区信访局　李娜")).contains(protector.nameHash("李娜"))
        .contains(protector.nameHash("区信访局"));
    assertThat(PersonNames.candidates(null)).isEmpty();
  }

  @Test
  void nameHashesAreNotNumberHashes() {
    // the domain prefix keeps a name from ever matching an ID or phone hash of the same characters
    assertThat(protector.nameHash("13812345678")).isNotEqualTo(protector.phoneHash("13812345678"));
  }

  @Test
  void aBlankNameHasNoHash() {
    assertThatThrownBy(() -> protector.nameHash(" \u3000 ")).isInstanceOf(IllegalArgumentException.class);
  }
}
