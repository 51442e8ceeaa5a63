package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jiefen.pii.BlobCipher;
import org.jiefen.pii.PiiDecryptionException;
import org.jiefen.pii.PiiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedFileStoreTest {

  static final BlobCipher CIPHER = new BlobCipher(PiiKeys.fromBase64(
      Base64.getEncoder().encodeToString(new byte[32]),
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes())));

  @TempDir Path root;

  /** A PDF whose bytes hold the ID number in clear, so the test shows the file on disk does not. */
  static byte[] pdfWithIdNumber() {
    return ("%PDF-1.7\n% test\n(" + SampleCases.ID_NUMBER + ") Tj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void storesEncryptedUnderItsHashAndReadsBack() throws Exception {
    RenderedDocument agreement = SampleCases.renderer()
        .render(DocumentType.MEDIATION_AGREEMENT, SampleCases.input(DocumentType.MEDIATION_AGREEMENT));
    byte[] plain = pdfWithIdNumber();
    String sha = DocumentRenderer.sha256(plain);
    EncryptedFileStore store = new EncryptedFileStore(root, CIPHER);

    assertThat(store.put(sha, plain)).isTrue();
    assertThat(store.put(agreement.sha256(), agreement.pdf())).isTrue();

    Path file = root.resolve(sha.substring(0, 2)).resolve(sha);
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain("%PDF").doesNotContain(SampleCases.ID_NUMBER);
    String rawAgreement = new String(Files.readAllBytes(root.resolve(agreement.sha256().substring(0, 2))
        .resolve(agreement.sha256())), StandardCharsets.ISO_8859_1);
    assertThat(rawAgreement).doesNotContain("%PDF").doesNotContain(SampleCases.ID_NUMBER);

    assertThat(store.get(sha)).contains(plain);
    assertThat(store.get(agreement.sha256())).hasValueSatisfying(b -> assertThat(b).isEqualTo(agreement.pdf()));
    try (var files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile).toList()).hasSize(2); // no temporary files left
    }
  }

  @Test
  void theSameBytesAreStoredOnce() throws Exception {
    byte[] plain = pdfWithIdNumber();
    String sha = DocumentRenderer.sha256(plain);
    EncryptedFileStore store = new EncryptedFileStore(root, CIPHER);
    assertThat(store.put(sha, plain)).isTrue();
    Path file = root.resolve(sha.substring(0, 2)).resolve(sha);
    byte[] first = Files.readAllBytes(file);
    assertThat(store.put(sha, plain)).isFalse();
    assertThat(Files.readAllBytes(file)).isEqualTo(first);
  }

  @Test
  void unknownWrongAndTamperedAddressesAreRefused() throws Exception {
    byte[] plain = pdfWithIdNumber();
    String sha = DocumentRenderer.sha256(plain);
    EncryptedFileStore store = new EncryptedFileStore(root, CIPHER);
    assertThat(store.get("0".repeat(64))).isEmpty();
    assertThat(store.get("../../etc/passwd")).isEmpty();
    assertThatThrownBy(() -> store.put("0".repeat(64), plain)).isInstanceOf(IllegalArgumentException.class);

    store.put(sha, plain);
    Path file = root.resolve(sha.substring(0, 2)).resolve(sha);
    byte[] sealed = Files.readAllBytes(file);
    sealed[sealed.length - 1] ^= 1;
    Files.write(file, sealed);
    assertThatThrownBy(() -> store.get(sha)).isInstanceOf(PiiDecryptionException.class);
  }
}
