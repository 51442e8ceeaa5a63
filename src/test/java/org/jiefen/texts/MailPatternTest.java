package org.jiefen.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules for an administrator's mail pattern, and the catalog of shipped templates they are checked against. */
class MailPatternTest {

  static final Object[] SAMPLES = IntStream.range(0, MailTemplateCatalog.ARGUMENTS).mapToObj(i -> "v" + i).toArray();
  static final Set<Integer> ALLOWED = Set.of(0, 1, 2, 3, 4);

  private static List<String> codes(String pattern, boolean subject) {
    return MailPattern.check("f", pattern, subject, ALLOWED, Locale.SIMPLIFIED_CHINESE, SAMPLES).stream()
        .map(TextError::code).toList();
  }

  @Test
  void aPatternWithTheTemplatesArgumentsPasses() {
    assertThat(codes("【解纷】案件 {0} 已受理（{4}）", true)).isEmpty();
    assertThat(codes("{1}：\n\n您的纠纷“{2}”已受理，查询码 {3}。It''s free.", false)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''|required",
    "'   '|required",
    "案件 {0|braces",
    "案件 {5} 已受理|argument",
    "案件 {0,number} 已受理|argumentForm",
    "案件 {zero} 已受理|pattern",
    "It's {0}|quote",
    "致电 13712345678 咨询|personalData",
    "身份证 11010519491231002X|personalData"})
  void brokenPatternsAreRefusedWithTheirReason(String pattern, String code) {
    assertThat(codes(pattern, false)).contains(code);
  }

  @Test
  void aSubjectIsOneLineAndShortAndATextMayBeLonger() {
    assertThat(codes("第一行\n第二行", true)).containsExactly("oneLine");
    assertThat(codes("字".repeat(MailPattern.MAX_SUBJECT + 1), true)).containsExactly("tooLong");
    assertThat(codes("字".repeat(MailPattern.MAX_SUBJECT + 1), false)).isEmpty();
    assertThat(codes("字".repeat(MailPattern.MAX_TEXT + 1), false)).containsExactly("tooLong");
    assertThat(codes("响铃\u0007", false)).containsExactly("control");
  }

  @Test
  void argumentsInsideQuotesAreTextButAdministratorsCannotQuote() {
    // how MessageFormat reads the shipped patterns
    assertThat(MailPattern.arguments("'{9}' 与 {0} 和 '''{1}'''")).containsExactly(0);
    // a lone quote is refused: administrators write '' for an apostrophe, and nothing else with quotes
    assertThat(codes("'{9}' 与 {0}", false)).containsExactly("quote");
  }

  @Test
  void theCatalogHasEveryShippedTemplateWithTheArgumentsItsDefaultsUse() {
    MailTemplateCatalog catalog = new MailTemplateCatalog();
    assertThat(catalog.templates()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(catalog.templates().getFirst().name()).isEqualTo("case-accepted");
    // every mail's own arguments, plus case number, reader, title and unit
    assertThat(catalog.find("case-accepted").orElseThrow().arguments()).containsExactly(0, 1, 2, 3, 4);
    assertThat(catalog.find("confirmation-submitted").orElseThrow().arguments()).containsExactly(0, 1, 2, 4, 10, 11);
    assertThat(catalog.find("petition-overdue").orElseThrow().arguments()).contains(11, 14, 16, 17).doesNotContain(3);
    assertThat(catalog.find("signature")).isEmpty();
    assertThat(catalog.find("value")).isEmpty();
    // the shipped wording passes the rules administrators' wording must pass
    for (MailTemplateCatalog.Template t : catalog.templates()) {
      for (String language : MailTemplateCatalog.LANGUAGES) {
        Locale locale = TemplateService.locale(language);
        assertThat(MailPattern.check("subject", t.subject().get(language), true, t.arguments(), locale, SAMPLES))
            .as(t.name() + " " + language).isEmpty();
        assertThat(MailPattern.check("text", t.text().get(language), false, t.arguments(), locale, SAMPLES))
            .as(t.name() + " " + language).isEmpty();
      }
    }
  }
}
