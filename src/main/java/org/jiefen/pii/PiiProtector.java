package org.jiefen.pii;

import org.springframework.stereotype.Component;

/** The one entry point the cases feature uses to store and reveal ID and mobile numbers. */
@Component
public class PiiProtector {

  private final PiiCipher cipher;
  private final KeyedHash hash;

  public PiiProtector(PiiKeys keys) {
    this.cipher = new PiiCipher(keys.encryptionKey());
    this.hash = new KeyedHash(keys.hashKey());
  }

  /** @throws InvalidPiiException if {@code raw} is not a valid resident ID number */
  public ProtectedValue protectId(String raw) {
    String id = IdNumbers.normalise(raw);
    return new ProtectedValue(cipher.encrypt(id), IdNumbers.mask(id), hash.hash(id));
  }

  /** @throws InvalidPiiException if {@code raw} is not a mainland mobile number */
  public ProtectedValue protectPhone(String raw) {
    String phone = PhoneNumbers.normalise(raw);
    return new ProtectedValue(cipher.encrypt(phone), PhoneNumbers.mask(phone), hash.hash(phone));
  }

  /** The lookup hash for a search input, equal to {@link ProtectedValue#hash()} of the same number. */
  public String idHash(String raw) {
    return hash.hash(IdNumbers.normalise(raw));
  }

  public String phoneHash(String raw) {
    return hash.hash(PhoneNumbers.normalise(raw));
  }

  /**
   * The normalised number. Callers decide who may see it and record that they did.
   *
   * @throws PiiDecryptionException on a wrong key or tampered value
   */
  public String reveal(String cipherText) {
    return cipher.decrypt(cipherText);
  }
}
