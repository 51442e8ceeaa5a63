package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyedHashTest {

  private final byte[] key = PiiKeys.generate().hashKey();

  @Test
  void sameInputSameHash() {
    KeyedHash hash = new KeyedHash(key);
    assertThat(hash.hash("13812345678"))
        .isEqualTo(new KeyedHash(key.clone()).hash("13812345678"))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void differentInputOrKeyDifferentHash() {
    KeyedHash hash = new KeyedHash(key);
    assertThat(hash.hash("13812345678")).isNotEqualTo(hash.hash("13812345679"));
    assertThat(new KeyedHash(PiiKeys.generate().hashKey()).hash("13812345678"))
        .isNotEqualTo(hash.hash("13812345678"));
  }

  @Test
  void isHmacSha256() {
    // Expected value from Python's hmac module, so the test does not check the JDK against itself.
    byte[] k = new byte[32];
    Arrays.fill(k, (byte) 0x0b);
    assertThat(new KeyedHash(k).hash("Hi There"))
        .isEqualTo("198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7");
  }
}
