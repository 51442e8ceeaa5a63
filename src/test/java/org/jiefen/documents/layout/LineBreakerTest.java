package org.jiefen.documents.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

  /** Every character one unit wide, a space half: line widths count characters. */
  static final LineBreaker.Widths UNIT = cp -> cp == ' ' ? 0.5f : 1f;

  static List<String> lines(String text, float width) {
    return LineBreaker.lines(text, width, width, UNIT).stream().map(LineBreaker.Line::text).toList();
  }

  @Test
  void closingPunctuationNeverStartsALine() {
    // "元" would end line one, "。" start line two: "元" goes down with it
    assertThat(lines("共计一万八千元。双方无异议", 7)).containsExactly("共计一万八千", "元。双方无异议");
    assertThat(lines("他说：“付清了。”然后走了", 7)).containsExactly("他说：“付清", "了。”然后走了");
    assertThat(lines("甲方、乙方（含丙方）同意", 5)).containsExactly("甲方、乙方", "（含丙方）", "同意");
    assertThat(lines("甲方、乙方（含丙方）同意", 4)).containsExactly("甲方、乙", "方（含丙", "方）同意");
  }

  @Test
  void openingPunctuationNeverEndsALine() {
    assertThat(lines("依照《人民调解法》第二十九条", 3)).containsExactly("依照", "《人民", "调解", "法》第", "二十九", "条");
    assertThat(lines("一二三四“引文”", 5)).containsExactly("一二三四", "“引文”");
  }

  @Test
  void latinWordsAndNumbersStayWholeAndBreakAtSpaces() {
    assertThat(lines("号码11010519491231002X，电话", 19)).containsExactly("号码", "11010519491231002X，", "电话");
    assertThat(lines("pay by bank transfer now", 8)).containsExactly("pay by", "bank", "transfer", "now");
  }

  @Test
  void aWordLongerThanTheLineIsCutWhereItMust() {
    assertThat(lines("ABCDEFGHIJ", 4)).containsExactly("ABCD", "EFGH", "IJ");
  }

  @Test
  void aLineBreakInTheTextForcesOneAndMarksTheLastLine() {
    var lines = LineBreaker.lines("第一行\n第二行内容较长", 4, 4, UNIT);
    assertThat(lines).extracting(LineBreaker.Line::text).containsExactly("第一行", "第二行内", "容较长");
    assertThat(lines).extracting(LineBreaker.Line::last).containsExactly(true, false, true);
  }

  @Test
  void theFirstLineMayBeNarrowerForTheIndent() {
    assertThat(LineBreaker.lines("一二三四五六七八", 3, 5, UNIT)).extracting(LineBreaker.Line::text)
        .containsExactly("一二三", "四五六七八");
  }

  @Test
  void randomChineseTextKeepsBothRulesAtEveryWidth() {
    String alphabet = "调解协议书当事人申请被双方纠纷事实，。、；：？！）》」』”（《「『“2026ab ";
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 5 + random.nextInt(80);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int width = 4 + random.nextInt(20);
      List<LineBreaker.Line> lines = LineBreaker.lines(text.toString(), width, width, UNIT);
      assertThat(String.join("", lines.stream().map(LineBreaker.Line::text).toList()).replace(" ", ""))
          .as("no character lost: " + text).isEqualTo(text.toString().replace(" ", ""));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).text();
        if (i > 0) {
          assertThat(LineBreaker.mayStart(line.codePointAt(0))).as("line starts with '%s' in %s", line, lines).isTrue();
        }
        if (i < lines.size() - 1) {
          assertThat(LineBreaker.mayEnd(line.codePointBefore(line.length()))).as("line ends '%s' in %s", line, lines)
              .isTrue();
        }
        // only marks may pass the line's end: closing ones hanging, or a run of opening ones that has no other place
        int hanging = (int) line.chars().filter(c -> !LineBreaker.mayStart(c) || !LineBreaker.mayEnd(c)).count();
        assertThat(lines.get(i).width()).as("%s in %s", line, lines).isLessThanOrEqualTo(width + hanging);
      }
    }
  }
}
