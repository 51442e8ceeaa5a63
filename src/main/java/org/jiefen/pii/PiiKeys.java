package org.jiefen.pii;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two secrets: one encrypts values, the other keys the lookup hash. They are separate so
 * that the hash key can be handed to a search-only component without letting it decrypt.
 */
public final class PiiKeys {

  static final String ENCRYPTION_PROPERTY = "jiefen.pii.encryption-key";
  static final String HASH_PROPERTY = "jiefen.pii.hash-key";
  private static final int KEY_BYTES = 32;

  private final byte[] encryptionKey;
  private final byte[] hashKey;

  PiiKeys(byte[] encryptionKey, byte[] hashKey) {
    requireKey(encryptionKey, ENCRYPTION_PROPERTY);
    requireKey(hashKey, HASH_PROPERTY);
    if (Arrays.equals(encryptionKey, hashKey)) {
      throw new IllegalArgumentException(
          ENCRYPTION_PROPERTY + " and " + HASH_PROPERTY + " must be different keys");
    }
    this.encryptionKey = encryptionKey.clone();
    this.hashKey = hashKey.clone();
  }

  /** Keys as configured: base64 of 32 bytes each. Error messages name the property, never the value. */
  public static PiiKeys fromBase64(String encryptionKey, String hashKey) {
    return new PiiKeys(
        decode(encryptionKey, ENCRYPTION_PROPERTY), decode(hashKey, HASH_PROPERTY));
  }

  static PiiKeys generate() {
    SecureRandom random = new SecureRandom();
    byte[] enc = new byte[KEY_BYTES];
    byte[] hash = new byte[KEY_BYTES];
    random.nextBytes(enc);
    random.nextBytes(hash);
    return new PiiKeys(enc, hash);
  }

  byte[] encryptionKey() {
    return encryptionKey.clone();
  }

  byte[] hashKey() {
    return hashKey.clone();
  }

  String encryptionKeyBase64() {
    return Base64.getEncoder().encodeToString(encryptionKey);
  }

  String hashKeyBase64() {
    return Base64.getEncoder().encodeToString(hashKey);
  }

  // Beans get printed by actuator, debuggers and failure analysers.
  @Override
  public String toString() {
    return "PiiKeys[redacted]";
  }

  private static byte[] decode(String base64, String property) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException(property + " is not set");
    }
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes the offending character; drop it with the cause.
      throw new IllegalArgumentException(property + " is not valid base64");
    }
  }

  private static void requireKey(byte[] key, String property) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          property + " must be base64 of exactly 32 bytes (generate with: openssl rand -base64 32)");
    }
  }
}
