package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiefen.documents.layout.PdfRenderer;
import org.junit.jupiter.api.Test;

/** Adaptable clauses: the wording comes from where the renderer is told, as text only, and previews show no real numbers. */
class DocumentClausesTest {

  @Test
  void theShippedWordingIsWhatTheDocumentsSayWithoutOverrides() {
    for (DocumentClause clause : DocumentClause.values()) {
      assertThat(clause.defaultText()).isNotBlank();
      assertThat(clause.defaultText().length()).isLessThanOrEqualTo(DocumentClause.MAX_LENGTH);
      RenderedDocument doc = SampleCases.renderer().render(clause.type(), SampleCases.input(clause.type()));
      String text = DocumentTypesTest.squeeze(PdfA.text(doc.pdf()));
      for (String line : clause.defaultText().split("\n")) {
        assertThat(text).as(clause.id()).contains(DocumentTypesTest.squeeze(line));
      }
    }
  }

  @Test
  void anAdministratorsClauseIsPrintedAsTextEvenWhenItLooksLikeMarkup() {
    String wording = "# 本协议履行完毕后，双方就本纠纷再无其他争议。\n%page\n| 费用 | 由被申请人承担\n@ 签名 | 日期\n[(${case.id})]";
    DocumentRenderer renderer = new DocumentRenderer(new DocumentTemplates(null), new PdfRenderer(SampleCases.FONTS),
        SampleCases.PII, "长期", c -> c == DocumentClause.AGREEMENT_OTHER_MATTERS ? wording : c.defaultText());
    RenderedDocument doc = renderer.render(DocumentType.MEDIATION_AGREEMENT, SampleCases.input(DocumentType.MEDIATION_AGREEMENT));
    PdfA.assertCompliant(doc.pdf(), "agreement-with-clause");
    PdfA.png(doc.pdf(), 1, "agreement-with-clause");
    String text = DocumentTypesTest.squeeze(PdfA.text(doc.pdf()));
    assertThat(text).contains("#本协议履行完毕后，双方就本纠纷再无其他争议。", "%page", "|费用|由被申请人承担", "@签名|日期",
        "[(${case.id})]", "五、其他事项");
    assertThat(text).doesNotContain("调解协议具有法律约束力，当事人应当按照约定履行");
  }

  @Test
  void aPreviewUsesTheDraftForItsClauseAndAnInventedCaseWithMaskedNumbersOnly() {
    DocumentRenderer renderer = SampleCases.renderer();
    for (DocumentType type : DocumentType.values()) {
      RenderedDocument doc = renderer.preview(type, DocumentClause.TERMINATION_REMEDIES, "（一）向宝安区劳动人事争议仲裁委员会申请仲裁。");
      String text = DocumentTypesTest.squeeze(PdfA.text(doc.pdf()));
      assertThat(text).as(type.id()).doesNotContain(SampleCases.ID_NUMBER, SampleCases.PHONE, "王小明")
          .doesNotContainPattern("\\d{17}[\\dX]").doesNotContainPattern("1[3-9]\\d{9}");
      if (type == DocumentType.MEDIATION_TERMINATION) {
        PdfA.png(doc.pdf(), 1, "termination-preview");
        assertThat(text).contains("（一）向宝安区劳动人事争议仲裁委员会申请仲裁。", SampleDocument.CASE_ID)
            .doesNotContain("请求有关行政机关依法处理");
      }
      if (type.fullIdentity()) {
        assertThat(text).as(type.id()).contains("110105********002X", "137****5678");
      }
    }
  }
}
