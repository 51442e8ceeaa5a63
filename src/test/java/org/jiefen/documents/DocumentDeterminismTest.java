package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jiefen.documents.layout.DocumentFonts;
import org.jiefen.documents.layout.PdfRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentDeterminismTest {

  @Test
  void theSameCaseGivesTheSameBytesEvenWithAnotherFontInstance() {
    DocumentInput input = SampleCases.input(DocumentType.MEDIATION_AGREEMENT);
    RenderedDocument first = SampleCases.renderer().render(DocumentType.MEDIATION_AGREEMENT, input);
    RenderedDocument second = SampleCases.renderer().render(DocumentType.MEDIATION_AGREEMENT, input);
    DocumentRenderer fresh = new DocumentRenderer(new DocumentTemplates(null), new PdfRenderer(new DocumentFonts(1)),
        SampleCases.PII, "长期");
    RenderedDocument third = fresh.render(DocumentType.MEDIATION_AGREEMENT, input);
    assertThat(second.pdf()).isEqualTo(first.pdf());
    assertThat(third.pdf()).isEqualTo(first.pdf());
    assertThat(third.sha256()).isEqualTo(first.sha256()).hasSize(64);
  }

  @Test
  void documentsTypesetAtTheSameTimeShareNothingThatChangesTheirBytes() throws Exception {
    DocumentRenderer shared = new DocumentRenderer(new DocumentTemplates(null), new PdfRenderer(new DocumentFonts(2)),
        SampleCases.PII, "长期");
    DocumentInput agreement = SampleCases.input(DocumentType.MEDIATION_AGREEMENT);
    DocumentInput opinion = SampleCases.input(DocumentType.PETITION_OPINION);
    byte[] expectedAgreement = shared.render(DocumentType.MEDIATION_AGREEMENT, agreement).pdf();
    byte[] expectedOpinion = shared.render(DocumentType.PETITION_OPINION, opinion).pdf();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int i = 0; i < 16; i++) {
        boolean even = i % 2 == 0;
        futures.add(pool.submit(() -> even
            ? java.util.Arrays.equals(shared.render(DocumentType.MEDIATION_AGREEMENT, agreement).pdf(), expectedAgreement)
            : java.util.Arrays.equals(shared.render(DocumentType.PETITION_OPINION, opinion).pdf(), expectedOpinion)));
      }
      for (var future : futures) {
        assertThat(future.get()).isTrue();
      }
    }
  }

  @Test
  void aChangedCaseGivesOtherBytes() {
    DocumentInput input = SampleCases.input(DocumentType.MEDIATION_TERMINATION);
    var changed = new DocumentInput(SampleCases.petition(null).file(), input.timeline(), null, input.unitName(), input.userName());
    assertThat(SampleCases.renderer().render(DocumentType.MEDIATION_TERMINATION, changed).sha256())
        .isNotEqualTo(SampleCases.renderer().render(DocumentType.MEDIATION_TERMINATION, input).sha256());
  }

  @Test
  void aTemplateInTheOverrideDirectoryWins(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mediation-termination.txt"), """
        # 终止调解告知书
        本地模板：[(${case.id})]
        """);
    RenderedDocument doc = SampleCases.renderer(dir)
        .render(DocumentType.MEDIATION_TERMINATION, SampleCases.input(DocumentType.MEDIATION_TERMINATION));
    assertThat(DocumentTypesTest.squeeze(PdfA.text(doc.pdf()))).contains("本地模板：MD-20261122-7K3QX")
        .doesNotContain("第二十六条");
    // the others still come from the jar
    RenderedDocument agreement = SampleCases.renderer(dir)
        .render(DocumentType.MEDIATION_AGREEMENT, SampleCases.input(DocumentType.MEDIATION_AGREEMENT));
    assertThat(DocumentTypesTest.squeeze(PdfA.text(agreement.pdf()))).contains("人民调解协议书");
  }
}
