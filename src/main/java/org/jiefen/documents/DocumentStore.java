package org.jiefen.documents;

import java.util.Optional;

/**
 * Where generated PDFs live, addressed by the SHA-256 of their bytes (lower-case hex). Storing the
 * same bytes twice stores them once. Local mode keeps them encrypted under the data directory
 * ({@link EncryptedFileStore}); production may put an object store behind this interface.
 */
public interface DocumentStore {

  /** Stores the bytes under their hash unless they are there; answers whether they were new. */
  boolean put(String sha256, byte[] pdf);

  /** The bytes, checked against their hash; empty for an unknown hash. */
  Optional<byte[]> get(String sha256);

  /** Deletes the bytes stored under the hash (an archive record destroyed by decision); false when there were none. */
  boolean delete(String sha256);
}
