package org.jiefen.documents;

import java.nio.file.Path;
import org.jiefen.documents.layout.DocumentFonts;
import org.jiefen.documents.layout.PdfRenderer;
import org.jiefen.pii.BlobCipher;
import org.jiefen.pii.PiiProtector;
import org.jiefen.platform.DataDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wiring of the documents feature. {@code jiefen.documents.template-dir} overrides shipped
 * templates, {@code font-slots} bounds how many documents are typeset at once (each slot holds
 * a parsed font pair, ~60 MB). What the cover prints as 保管期限 comes from a {@link CoverRetention}
 * bean (the retention schedule, {@code org.jiefen.texts}). The wording of
 * the adaptable clauses comes from a {@link DocumentClauses} bean when there is one (the
 * administrators' texts, {@code org.jiefen.texts}), else from the shipped defaults.
 */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

  @Bean
  DocumentFonts documentFonts(@Value("${jiefen.documents.font-slots:2}") int slots) {
    return new DocumentFonts(slots);
  }

  @Bean
  DocumentRenderer documentRenderer(
      DocumentFonts fonts,
      PiiProtector pii,
      @Value("${jiefen.documents.template-dir:${jiefen.data-dir:./data}/templates/documents}") String templateDir,
      ObjectProvider<CoverRetention> retention,
      ObjectProvider<DocumentClauses> clauses) {
    return new DocumentRenderer(new DocumentTemplates(Path.of(templateDir)), new PdfRenderer(fonts), pii,
        retention.getIfAvailable(() -> CoverRetention.LONG_TERM), clauses.getIfAvailable(() -> DocumentClauses.DEFAULTS));
  }

  @Bean
  @ConditionalOnMissingBean(DocumentStore.class)
  DocumentStore documentStore(DataDirectory dataDirectory, BlobCipher cipher) {
    return new EncryptedFileStore(dataDirectory.dir("documents"), cipher);
  }

  /** Parses the font once the app is up, off the startup path, so the first document does not wait for it. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUpFonts(ApplicationReadyEvent event) {
    DocumentFonts fonts = event.getApplicationContext().getBean(DocumentFonts.class);
    Thread.ofVirtual().name("document-fonts").start(fonts::warmUp);
  }
}
