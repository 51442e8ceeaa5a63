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
   * The keyed hash of a person's name ({@link PersonNames#normalise}), to recognise a name without
   * storing it: the people a report accuses are kept this way. A name is guessable, so only the
   * key protects it; the hash is never shown.
   *
   * @throws IllegalArgumentException for a blank name
   */
  public String nameHash(String name) {
    String normalised = PersonNames.normalise(name);
    if (normalised.isEmpty()) {
      throw new IllegalArgumentException("a name is required");
    }
    return hash.hash("name:" + normalised);
  }

  /** The keyed hashes of every name a staff member's display name may stand for ({@link PersonNames#candidates}). */
  public java.util.Set<String> displayNameHashes(String displayName) {
    java.util.Set<String> hashes = new java.util.LinkedHashSet<>();
    for (String name : PersonNames.candidates(displayName)) {
      hashes.add(hash.hash("name:" + name));
    }
    return hashes;
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
