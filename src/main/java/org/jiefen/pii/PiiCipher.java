package org.jiefen.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for single values. Output is {@code v1:} + base64(iv | ciphertext | tag); the
 * version prefix leaves room to rotate keys or algorithms without guessing what a stored value is.
 * Thread-safe: a {@link Cipher} is made per call, which costs microseconds.
 */
public final class PiiCipher {

  static final String PREFIX = "v1:";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public PiiCipher(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("PII encryption key must be 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  public String encrypt(String plaintext) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      // Only a JRE without AES-GCM gets here; nothing a caller could handle.
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  public String decrypt(String cipherText) {
    if (cipherText == null || !cipherText.startsWith(PREFIX)) {
      throw new PiiDecryptionException("not a v1 PII cipher text", null);
    }
    byte[] in;
    try {
      in = Base64.getDecoder().decode(cipherText.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new PiiDecryptionException("PII cipher text is not valid base64", e);
    }
    if (in.length < IV_BYTES + TAG_BITS / 8) {
      throw new PiiDecryptionException("PII cipher text is too short", null);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new PiiDecryptionException(
          "PII cipher text failed authentication: wrong key or tampered data", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }
}
