package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every document type from a realistic case file: PDF/A-2b by veraPDF, a picture of page 1 in
 * target/documents/, and the text layer holding what the document must say.
 */
class DocumentTypesTest {

  static final DocumentRenderer RENDERER = SampleCases.renderer();

  /** The opinion of a review (复查) or re-review (复核) says so and tells the next remedy, or that none is left. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "Task_Review, reviewDecision, 信访事项复查意见书, 经复查，原处理意见认定事实清楚, 请求复核",
    "Task_ReReview, reReviewDecision, 信访事项复核意见书, 经复核，原处理意见认定事实清楚, 不再受理"})
  void reviewAndReReviewOpinionsNameTheirStageAndTheRemedyLeft(String element, String decisionKey, String title,
      String upheld, String remedy) {
    DocumentInput input = SampleCases.petition(SampleCases.record(element, java.util.Map.of(
        decisionKey, "uphold", "outcome", "reject", "facts", "经复查，原处理意见认定的事实属实。",
        "opinion", "维持原处理意见。")));
    RenderedDocument doc = RENDERER.render(DocumentType.PETITION_OPINION, input);
    PdfA.assertCompliant(doc.pdf(), element);
    String text = squeeze(PdfA.text(doc.pdf()));
    assertThat(text).contains(title, upheld, "本机关不予支持", remedy).doesNotContain("信访事项处理意见书");
  }

  @ParameterizedTest
  @EnumSource(DocumentType.class)
  void rendersEachTypeAsPdfA(DocumentType type) {
    DocumentInput input = SampleCases.input(type);
    RenderedDocument doc = RENDERER.render(type, input);

    PdfA.png(doc.pdf(), 1, type.id());
    if (doc.pages() > 1) {
      PdfA.png(doc.pdf(), doc.pages(), type.id() + "-last");
    }
    PdfA.assertCompliant(doc.pdf(), type.id());

    String text = squeeze(PdfA.text(doc.pdf()));
    String caseId = input.file().id();
    assertThat(doc.number()).isEqualTo(type.number(caseId));
    assertThat(text).contains(type == DocumentType.CASE_FILE_COVER ? "卷宗" : type.title(), caseId,
        input.file().queryCode(), doc.number(), "第1页共" + doc.pages() + "页", "王小明");
    assertThat(doc.pdf().length).as("bytes of " + type.id()).isLessThan(100 * 1024);
    if (type.fullIdentity()) {
      assertThat(text).contains(SampleCases.ID_NUMBER, SampleCases.PHONE, SampleCases.THIRD_ID, "某劳务派遣有限公司", "李秀兰");
    } else {
      assertThat(text).doesNotContain(SampleCases.ID_NUMBER, SampleCases.PHONE, SampleCases.THIRD_ID);
    }
    switch (type) {
      case MEDIATION_AGREEMENT -> assertThat(text).contains(
          "新安街道人民调解委员会", "本协议一式4份，当事人各执一份，人民调解委员会留存一份", "当事人（签名、盖章或按指印）：",
          "申请人王小明年月日", "被申请人某劳务派遣有限公司年月日", "第三人李秀兰年月日", "人民调解员（签名）：张调解年月日",
          "新安街道人民调解委员会（印）2026年11月25日", "2026年12月31日前履行完毕", "王小明，女，1949年12月31日出生");
      case CONFIRMATION_APPLICATION -> {
        assertThat(doc.pages()).isGreaterThanOrEqualTo(2);
        assertThat(text).contains("请求人民法院确认", "调解协议", "有效", "深圳市宝安区人民法院", "出于解决纠纷的目的自愿达成协议",
            "不损害国家利益、社会公共利益和他人合法权益", "人民调解协议书一份", "当事人身份证明3份", "授权委托书（如委托代理人）",
            "送达地址", "MD-20261122-7K3QX-TJXY");
      }
      case MEDIATION_TERMINATION -> assertThat(text).contains("终止调解", "第二十六条", "仲裁", "行政机关", "提起诉讼",
          "王小明、某劳务派遣有限公司、李秀兰");
      case PETITION_ACCEPTANCE -> assertThat(text).contains("依法受理", "宝安区人力资源局", "六十日", "2026年12月5日");
      case PETITION_NON_ACCEPTANCE -> assertThat(text).contains("不予受理", "劳动人事争议仲裁委员会", "第二十三条");
      case PETITION_OPINION -> assertThat(text).contains("予以支持", "社会保险法", "三十日内", "复查", "补缴");
      case CASE_FILE_COVER -> {
        assertThat(doc.pages()).isGreaterThanOrEqualTo(2);
        assertThat(text).contains("人民调解卷宗", "卷内目录", "调解成功，达成协议", "长期", "2026年11月22日", "2026年12月30日",
            "人民调解协议书（MD-20261122-7K3QX-TJXY）", "立案登记", "结案");
      }
    }
  }

  /** The text layer without whitespace: justified lines come out with spaces between characters. */
  static String squeeze(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }
}
