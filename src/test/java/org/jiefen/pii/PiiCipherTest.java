package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

  private final PiiCipher cipher = new PiiCipher(PiiKeys.generate().encryptionKey());

  @Test
  void roundTrips() {
    String sealed = cipher.encrypt("11010519491231002X");
    assertThat(sealed).startsWith("v1:").doesNotContain("110105");
    assertThat(cipher.decrypt(sealed)).isEqualTo("11010519491231002X");
    assertThat(cipher.decrypt(cipher.encrypt("张三 13812345678"))).isEqualTo("张三 13812345678");
  }

  @Test
  void sameValueEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
  }

  @Test
  void ivCiphertextAndTagAreAllThere() {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13812345678").substring(3));
    assertThat(raw).hasSize(12 + 11 + 16);
  }

  @Test
  void wrongKeyIsRefused() {
    String sealed = cipher.encrypt("13812345678");
    PiiCipher other = new PiiCipher(PiiKeys.generate().encryptionKey());
    assertThatThrownBy(() -> other.decrypt(sealed))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("wrong key or tampered data");
  }

  @Test
  void tamperedDataIsRefused() {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt("13812345678").substring(3));
    for (int i : new int[] {0, 12, raw.length - 1}) {
      byte[] bent = raw.clone();
      bent[i] ^= 0x01;
      String tampered = "v1:" + Base64.getEncoder().encodeToString(bent);
      assertThatThrownBy(() -> cipher.decrypt(tampered))
          .isInstanceOf(PiiDecryptionException.class)
          .hasMessageContaining("tampered");
    }
  }

  @Test
  void foreignInputIsRefused() {
    assertThatThrownBy(() -> cipher.decrypt("13812345678"))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("not a v1");
    assertThatThrownBy(() -> cipher.decrypt("v1:%%%"))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> cipher.decrypt("v1:AAAA"))
        .isInstanceOf(PiiDecryptionException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void needsA256BitKey() {
    assertThatThrownBy(() -> new PiiCipher(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
