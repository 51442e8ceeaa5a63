package org.jiefen.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiKeyFileTest {

  @TempDir Path dir;

  @Test
  void generatesOnceWithOwnerOnlyPermissions() throws Exception {
    PiiKeys keys = PiiKeyFile.loadOrCreate(dir);

    Path file = dir.resolve("pii.properties");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(Files.readString(file)).contains("encryption-key=", "hash-key=");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
    assertThat(keys.encryptionKey()).hasSize(32).isNotEqualTo(keys.hashKey());
  }

  @Test
  void reusesTheFileOnLaterStarts() throws Exception {
    PiiKeys first = PiiKeyFile.loadOrCreate(dir);
    String content = Files.readString(dir.resolve("pii.properties"));

    PiiKeys second = PiiKeyFile.loadOrCreate(dir);

    assertThat(second.encryptionKey()).isEqualTo(first.encryptionKey());
    assertThat(second.hashKey()).isEqualTo(first.hashKey());
    assertThat(Files.readString(dir.resolve("pii.properties"))).isEqualTo(content);
    String sealed = new PiiCipher(first.encryptionKey()).encrypt("13812345678");
    assertThat(new PiiCipher(second.encryptionKey()).decrypt(sealed)).isEqualTo("13812345678");
  }

  @Test
  void damagedFileStopsStartInsteadOfBeingReplaced() throws Exception {
    Path file = dir.resolve("pii.properties");
    Files.writeString(file, "encryption-key=c2VjcmV0\n");

    assertThatThrownBy(() -> PiiKeyFile.loadOrCreate(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("Restore it from a backup")
        .hasMessageNotContaining("c2VjcmV0");
    assertThat(Files.readString(file)).isEqualTo("encryption-key=c2VjcmV0\n");
  }

  @Test
  void keysNeverPrintThemselves() {
    PiiKeys keys = PiiKeys.generate();
    assertThat(keys.toString())
        .isEqualTo("PiiKeys[redacted]")
        .doesNotContain(keys.encryptionKeyBase64());
  }
}
