package org.jiefen.pii;

import org.jiefen.platform.DataDirectory;
import org.jiefen.platform.LocalMode;
import org.jiefen.platform.ProdMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the PII keys come from. Local mode may invent its own so that a fresh checkout runs; prod
 * must be given them, because keys invented on one instance would be unknown to the others.
 */
@Configuration(proxyBeanMethods = false)
class PiiConfiguration {

  static final String KEYS_DIR = "keys";

  @Bean
  @LocalMode
  PiiKeys localPiiKeys(
      @Value("${" + PiiKeys.ENCRYPTION_PROPERTY + ":}") String encryptionKey,
      @Value("${" + PiiKeys.HASH_PROPERTY + ":}") String hashKey,
      DataDirectory dataDirectory) {
    if (isBlank(encryptionKey) && isBlank(hashKey)) {
      return PiiKeyFile.loadOrCreate(dataDirectory.dir(KEYS_DIR));
    }
    return configured(encryptionKey, hashKey);
  }

  @Bean
  @ProdMode
  PiiKeys prodPiiKeys(
      @Value("${" + PiiKeys.ENCRYPTION_PROPERTY + ":}") String encryptionKey,
      @Value("${" + PiiKeys.HASH_PROPERTY + ":}") String hashKey) {
    if (isBlank(encryptionKey) || isBlank(hashKey)) {
      throw new IllegalStateException(
          "Prod mode needs "
              + PiiKeys.ENCRYPTION_PROPERTY
              + " and "
              + PiiKeys.HASH_PROPERTY
              + " (env JIEFEN_PII_KEY and JIEFEN_PII_HASH_KEY): two different keys, each base64 of"
              + " 32 random bytes (openssl rand -base64 32). Use the same keys on every instance"
              + " and keep them: data encrypted with lost keys cannot be recovered.");
    }
    return configured(encryptionKey, hashKey);
  }

  private static PiiKeys configured(String encryptionKey, String hashKey) {
    try {
      return PiiKeys.fromBase64(encryptionKey, hashKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid PII key configuration: " + e.getMessage(), e);
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
