package org.jiefen.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a normalised value, for exact-match lookup in Elasticsearch. A plain hash would
 * not do: there are only about 10^11 plausible ID numbers, few enough to hash them all, so the
 * hash needs a secret key of its own, separate from the encryption key.
 */
public final class KeyedHash {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public KeyedHash(byte[] key) {
    if (key == null || key.length < 32) {
      throw new IllegalArgumentException("PII hash key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** Lower-case hex, 64 characters. Callers pass the normalised value so spellings agree. */
  public String hash(String normalised) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
