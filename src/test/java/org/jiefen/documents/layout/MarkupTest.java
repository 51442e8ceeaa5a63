package org.jiefen.documents.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void eachLineKindBecomesItsBlock() {
    List<Block> blocks = Markup.parse("""
        %% a comment
        # 标题
        ## 一、小标题
        正文
        - 顶格
        > 2026年11月25日
        ^ 居中
        %columns 1 3
        |! 甲 | 乙

        | 一 | 二 |
        @ 申请人： | 年 月 日
        %space 2
        %keep
        > 印
        %end
        %page
        """);
    assertThat(blocks).containsExactly(
        new Block.Title("标题"), new Block.Heading("一、小标题"), new Block.Paragraph("正文", true),
        new Block.Paragraph("顶格", false), new Block.Aligned("2026年11月25日", Block.Alignment.RIGHT),
        new Block.Aligned("居中", Block.Alignment.CENTER),
        new Block.Table(List.of(1, 3), List.of(new Block.Row(List.of("甲", "乙"), true), new Block.Row(List.of("一", "二"), false))),
        new Block.Signature("申请人：", "年 月 日"), new Block.Space(2),
        new Block.Keep(List.of(new Block.Aligned("印", Block.Alignment.RIGHT))), new Block.PageBreak());
  }

  @Test
  void escapedValuesNeverBecomeMarkup() {
    String typed = "#不是标题|也不是表格\n%page\\反斜杠";
    assertThat(Markup.parse(Markup.escape(typed)))
        .containsExactly(new Block.Paragraph("#不是标题|也不是表格", true), new Block.Paragraph("%page\\反斜杠", true));
    assertThat(Markup.parse("| " + Markup.escape("a|b") + " | c"))
        .containsExactly(new Block.Table(null, List.of(new Block.Row(List.of("a|b", "c"), false))));
    assertThat(Markup.parse("- 申请人：" + Markup.escape("  > 王小明")))
        .containsExactly(new Block.Paragraph("申请人：> 王小明", false));
  }

  @Test
  void directiveMistakesAreRefused() {
    assertThatThrownBy(() -> Markup.parse("%pgae")).hasMessageContaining("unknown directive %pgae");
    assertThatThrownBy(() -> Markup.parse("%keep\n正文")).hasMessageContaining("%keep without %end");
    assertThatThrownBy(() -> Markup.parse("%columns 0 1")).hasMessageContaining("positive");
  }
}
