package org.jiefen.pii;

/** A stored value could not be decrypted: wrong key, tampered or truncated data, or not ours. */
public class PiiDecryptionException extends RuntimeException {

  public PiiDecryptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
