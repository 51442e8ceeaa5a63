package org.jiefen.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiefen.pii.BlobCipher;

/**
 * Documents as encrypted files, {@code <root>/ab/abcdef...} by the SHA-256 of the PDF. A file is
 * written to a temporary name, forced to disk and renamed into place, so a reader sees the whole
 * file or none; when the name exists the bytes are already stored and nothing is written.
 */
public final class EncryptedFileStore implements DocumentStore {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;
  private final BlobCipher cipher;

  public EncryptedFileStore(Path root, BlobCipher cipher) {
    this.root = root;
    this.cipher = cipher;
  }

  @Override
  public boolean put(String sha256, byte[] pdf) {
    Path file = path(sha256);
    if (Files.exists(file)) {
      return false;
    }
    if (!DocumentRenderer.sha256(pdf).equals(sha256)) {
      throw new IllegalArgumentException("bytes do not match their hash " + sha256);
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), sha256.substring(0, 8), ".tmp");
      try {
        Files.write(temp, cipher.seal(pdf, sha256), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store document " + sha256, e);
    }
  }

  @Override
  public Optional<byte[]> get(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return Optional.empty();
    }
    Path file = path(sha256);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      byte[] pdf = cipher.open(Files.readAllBytes(file), sha256);
      if (!DocumentRenderer.sha256(pdf).equals(sha256)) {
        throw new IllegalStateException("stored document " + sha256 + " does not match its hash");
      }
      return Optional.of(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read document " + sha256, e);
    }
  }

  @Override
  public boolean delete(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      return false;
    }
    try {
      return Files.deleteIfExists(path(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete document " + sha256, e);
    }
  }

  private Path path(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256);
  }
}
