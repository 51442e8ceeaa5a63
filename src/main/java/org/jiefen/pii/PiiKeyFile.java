package org.jiefen.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local mode's key file, {@code <data-dir>/keys/pii.properties}. Generated once and then only ever
 * read: a new key would silently make every stored ID and phone number unreadable, so a damaged
 * file stops start-up instead of being replaced.
 */
final class PiiKeyFile {

  static final String FILE_NAME = "pii.properties";
  private static final String ENCRYPTION = "encryption-key";
  private static final String HASH = "hash-key";
  private static final Logger log = LoggerFactory.getLogger(PiiKeyFile.class);

  private PiiKeyFile() {}

  static PiiKeys loadOrCreate(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      restrictDirectory(dir);
      if (Files.exists(file)) {
        return load(file);
      }
      return create(dir, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write PII key file " + file, e);
    }
  }

  private static PiiKeys load(Path file) throws IOException {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      props.load(in);
    }
    try {
      return PiiKeys.fromBase64(props.getProperty(ENCRYPTION), props.getProperty(HASH));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "PII key file "
              + file
              + " is damaged ("
              + e.getMessage()
              + "). Restore it from a backup; deleting it makes all stored ID and phone numbers"
              + " unreadable.",
          e);
    }
  }

  private static PiiKeys create(Path dir, Path file) throws IOException {
    PiiKeys keys = PiiKeys.generate();
    Properties props = new Properties();
    props.setProperty(ENCRYPTION, keys.encryptionKeyBase64());
    props.setProperty(HASH, keys.hashKeyBase64());
    // Written beside the target with owner-only permissions from the first byte, then moved in
    // atomically, so a crash or a second instance never sees a half-written or readable file.
    Path tmp = Files.createTempFile(dir, "pii", ".tmp", ownerOnly());
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        props.store(out, "Jiefen local-mode PII keys. Secret. Back up with the data directory.");
      }
      publish(tmp, file);
    } catch (FileAlreadyExistsException e) {
      return load(file);
    } finally {
      Files.deleteIfExists(tmp);
    }
    log.info("Generated PII keys in {}", file);
    return keys;
  }

  // A hard link fails if the target exists, where rename would replace a file another instance
  // has just written; the move is for file systems without links.
  private static void publish(Path tmp, Path file) throws IOException {
    try {
      Files.createLink(file, tmp);
    } catch (UnsupportedOperationException e) {
      Files.move(tmp, file);
    }
  }

  private static void restrictDirectory(Path dir) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly() {
    if (!posix()) {
      log.warn("File system has no POSIX permissions; restrict access to the PII key file by hand");
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
