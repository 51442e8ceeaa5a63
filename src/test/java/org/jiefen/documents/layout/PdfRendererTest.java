package org.jiefen.documents.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.jiefen.documents.PdfA;
import org.junit.jupiter.api.Test;

class PdfRendererTest {

  static final PdfRenderer RENDERER = new PdfRenderer(new DocumentFonts(1));
  static final PdfRenderer.Meta META = new PdfRenderer.Meta("测试文书", "MD-20261122-7K3QX-CS", "MD-20261122-7K3QX",
      "7K3QXABC", ZonedDateTime.of(2026, 11, 25, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")));

  static final String SAMPLE = """
      # 人民调解协议书
      ^ 编号：MD-20261122-7K3QX-TJXY
      ## 一、当事人基本情况
      - 申请人：王小明，男，身份证号码11010519491231002X，联系电话13712345678。
      - 被申请人：某劳务派遣有限公司，统一社会信用代码91440300MA5XXXXXXX。
      ## 二、纠纷主要事实、争议事项及各方责任
      申请人于2025年3月至2026年8月在被申请人处从事仓储工作，被申请人自2026年6月起拖欠申请人工资三个月，共计人民币一万八千元（¥18,000.00）。申请人多次催讨未果，遂于2026年11月22日向海旺社区人民调解委员会申请调解。经调解员调查核实，被申请人对拖欠工资的事实无异议，但以“资金周转困难”为由要求分期支付。
      双方对事实无争议。被申请人应当承担按时足额支付劳动报酬的责任；申请人亦同意给予被申请人一定的支付期限。“引号内的文字，结束于句号。”括号（如本句）与书名号《中华人民共和国人民调解法》均须遵守避头尾规则。
      %columns 2 5 3
      |! 项目 | 内容 | 备注
      | 工资 | 2026年6月至8月工资，共计人民币一万八千元，分两期支付 | 银行转账
      | 期限 | 2026年12月31日前 |
      @ 申请人（签名、盖章或按指印）： | 年  月  日
      @ 人民调解员（签名）： | 年  月  日
      > 海旺社区人民调解委员会（印）
      > 2026年11月25日
      """;

  @Test
  void rendersAValidPdfA() {
    PdfRenderer.Rendered rendered = RENDERER.render(SAMPLE, META);
    PdfA.png(rendered.pdf(), 1, "layout-sample");
    PdfA.assertCompliant(rendered.pdf(), "sample");
    String text = PdfA.text(rendered.pdf());
    assertThat(text).contains("人民调解协议书", "第 1 页 共 " + rendered.pages() + " 页", "MD-20261122-7K3QX-TJXY");
  }
}
