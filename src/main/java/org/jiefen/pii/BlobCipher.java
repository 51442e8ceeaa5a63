package org.jiefen.pii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM for files that hold personal data (generated documents carry full ID numbers). The
 * key is derived from the PII encryption key (HMAC-SHA256 with a purpose label), so there is no
 * second secret to keep, and a file key can never decrypt a single value or the other way round.
 * Output: {@code JFB1 | iv | ciphertext | tag}; {@code associated} (e.g. the file's name) is
 * authenticated, so a file moved to another name fails to open.
 */
@Component
public class BlobCipher {

  private static final byte[] MAGIC = "JFB1".getBytes(StandardCharsets.US_ASCII);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public BlobCipher(PiiKeys keys) {
    this.key = new SecretKeySpec(derive(keys.encryptionKey(), "jiefen/blob/v1"), "AES");
  }

  public byte[] seal(byte[] plain, String associated) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(MAGIC.length + IV_BYTES + sealed.length).put(MAGIC).put(iv).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** @throws PiiDecryptionException on a wrong key, a tampered file or another file's name */
  public byte[] open(byte[] sealed, String associated) {
    if (sealed.length < MAGIC.length + IV_BYTES + TAG_BITS / 8
        || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new PiiDecryptionException("not a sealed blob", null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, MAGIC.length, IV_BYTES));
      cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
      int offset = MAGIC.length + IV_BYTES;
      return cipher.doFinal(sealed, offset, sealed.length - offset);
    } catch (AEADBadTagException e) {
      throw new PiiDecryptionException("sealed blob failed authentication: wrong key, tampered or renamed", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
