package org.jiefen.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiefen.units.UnitLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The templates exist in both languages, key for key, and render without leftovers. */
class MailTemplatesTest {

  /** What the mediation, confirmation and petition models may ask for (the issues' lists). */
  static final Set<String> TEMPLATES =
      Set.of("case-accepted", "session-scheduled", "escalated", "deadline-warning", "level-deadline",
          "violence-risk", "refused", "terminated", "agreement-effective", "follow-up-due",
          "confirmation-refused", "confirmation-window-warning", "confirmation-expired", "confirmation-submitted",
          "court-clock-warning", "court-clock-overdue", "confirmation-extended", "confirmation-confirmed",
          "confirmation-rejected",
          "petition-registered", "petition-not-accepted", "petition-legal-channel", "petition-accepted",
          "petition-forwarded", "petition-returned", "petition-clock-warning", "petition-overdue", "petition-extended",
          "petition-opinion", "petition-review-decided", "petition-final", "petition-referred-to-mediation");

  private final MailTemplates templates = new MailTemplates();

  @Test
  void chineseAndEnglishHaveTheSameKeys() throws IOException {
    Set<String> chinese = load("zh_CN").stringPropertyNames();
    Set<String> english = load("en").stringPropertyNames();

    assertThat(difference(chinese, english)).as("in Chinese, missing in English").isEmpty();
    assertThat(difference(english, chinese)).as("in English, missing in Chinese").isEmpty();
  }

  @Test
  void everyTemplateHasASubjectAndAText() throws IOException {
    Set<String> keys = load("zh_CN").stringPropertyNames();
    Set<String> names =
        keys.stream().filter(k -> k.endsWith(".subject") || k.endsWith(".text"))
            .map(k -> k.substring("mail.".length(), k.lastIndexOf('.'))).collect(Collectors.toSet());

    assertThat(names).containsAll(TEMPLATES);
    for (String name : names) {
      assertThat(keys).as(name).contains("mail." + name + ".subject", "mail." + name + ".text");
      assertThat(templates.exists(name)).as(name).isTrue();
    }
    assertThat(templates.exists("no-such-template")).isFalse();
    assertThat(templates.exists("value")).isFalse();
    assertThat(templates.exists("../mail")).isFalse();
  }

  @Test
  void englishApostrophesAreEscapedForMessageFormat() throws IOException {
    // MessageFormat drops a lone ' and everything up to the next one.
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    load("en").forEach((key, value) -> assertThat(lone.matcher((String) value).find()).as((String) key).isFalse());
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh-CN", "en"})
  void everyTemplateRendersCompletely(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    MailFacts facts =
        MailFacts.of("MD-20261122-0001", "王某与某公司拖欠工资纠纷", "K7P9X2QM", "新安街道", UnitLevel.TOWN,
            Map.of("levelDue", "2026-12-22T02:00:00Z", "sessionAt", "2026-11-25T14:30", "sessionPlace", "新安街道调解室",
                "escalationReason", "attempts", "maxAttempts", 3));
    for (String template : TEMPLATES) {
      var mail = templates.render(template, locale, facts.args("王小明", locale, templates));
      String all = mail.subject() + "\n" + mail.text();

      assertThat(all).as(template).doesNotContain("{").doesNotContain("}").contains("MD-20261122-0001");
      assertThat(mail.subject()).as(template).doesNotContain("\n");
      if (tag.equals("en")) {
        // Chinese only where the case itself is Chinese: names, title, place
        String own = all.replace("王小明", "").replace("王某与某公司拖欠工资纠纷", "").replace("新安街道调解室", "")
            .replace("新安街道", "");
        assertThat(own).as(template).doesNotContain("null").doesNotContainPattern("\\p{IsHan}").contains("Jiefen");
      } else {
        assertThat(all).as(template).contains("解纷");
      }
    }
  }

  @Test
  void theFactsOfEachEventReachTheirTemplates() {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    MailFacts facts =
        MailFacts.of("MD-1", "纠纷", "K7P9X2QM", "新安街道", UnitLevel.TOWN,
            Map.of("levelDue", "2026-12-21T17:00:00Z", "sessionAt", "2026-11-25T14:30", "sessionPlace", "新安街道调解室",
                "escalationReason", "deadline"));

    String accepted = templates.render("case-accepted", zh, facts.args("王小明", zh, templates)).text();
    assertThat(accepted).contains("王小明：", "MD-1", "查询码：K7P9X2QM", "新安街道");
    assertThat(templates.render("session-scheduled", zh, facts.args("王小明", zh, templates)).text())
        .contains("2026年11月25日 14:30", "新安街道调解室");
    // 17:00 UTC is the next day in China
    assertThat(templates.render("deadline-warning", zh, facts.args("王小明", zh, templates)).text())
        .contains("2026年12月22日");
    String escalated = templates.render("escalated", zh, facts.args("王小明", zh, templates)).text();
    assertThat(escalated).contains("乡镇（街道）人民调解委员会", "新安街道", "调解期限已届满");
    assertThat(templates.render("terminated", zh, facts.args("王小明", zh, templates)).text())
        .contains("第二十六条", "仲裁、行政、司法");
    assertThat(templates.render("violence-risk", zh, facts.args("李四", zh, templates)).text()).contains("第二十五条");
    assertThat(templates.render("refused", zh, facts.args("王小明", zh, templates)).text()).contains("第十七条");

    MailFacts county =
        MailFacts.of("MD-1", "纠纷", "K7P9X2QM", "宝安区", UnitLevel.TOWN,
            Map.of("level", "COUNTY", "escalationReason", "attempts"));
    assertThat(templates.render("escalated", zh, county.args(null, zh, templates)).text())
        .contains("县（区）人民调解中心", "经 3 次调解");
    Locale en = Locale.ENGLISH;
    assertThat(templates.render("escalated", en, county.args("Li", en, templates)).text())
        .contains("county (district) people's mediation centre", "3 mediation attempts");
    assertThat(templates.render("session-scheduled", en, county.args("Li", en, templates)).text())
        .contains("to be announced");
  }

  @Test
  void courtConfirmationMailsNameTheCourtTheDayAndTheReason() {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    // The clock falls due at the end of 2026-12-31 in China, i.e. at midnight into 2027.
    MailFacts facts = MailFacts.of("MD-1", "纠纷", "K7P9X2QM", "新安街道", UnitLevel.TOWN,
        Map.of("applicationDue", "2026-12-31T16:00:00Z"), "applicationDue", "深圳市宝安区人民法院", "协议内容不明确");
    assertThat(templates.render("confirmation-window-warning", zh, facts.args("王小明", zh, templates)).text())
        .contains("2026年12月31日", "深圳市宝安区人民法院", "第三十三条").doesNotContain("2027");
    assertThat(templates.render("confirmation-rejected", zh, facts.args("王小明", zh, templates)).text())
        .contains("深圳市宝安区人民法院", "协议内容不明确", "第二百零六条");
    Locale en = Locale.ENGLISH;
    assertThat(templates.render("confirmation-window-warning", en, facts.args("Li", en, templates)).text())
        .contains("31 December 2026", "People's Mediation Law");

    MailFacts noReason = MailFacts.of("MD-1", "纠纷", "K7P9X2QM", "新安街道", UnitLevel.TOWN, Map.of(), null, null, null);
    assertThat(templates.render("confirmation-rejected", zh, noReason.args("王小明", zh, templates)).text())
        .contains("人民法院对案件", "（未注明理由）");
  }

  /** A petition handled by a department, reviewed by the district, supervised, referred to mediation. */
  static PetitionFacts petition() {
    return new PetitionFacts("宝安区人力资源局", "petition-handling", "信访事项办理期限", Instant.parse("2027-01-30T16:00:00Z"),
        "涉及多个部门，需要会商", "宝安区人力资源局", 3, "MD-20261201-K7P9X", "宝安区", "宝安区", "深圳市", "深圳市",
        "宝安区信访局");
  }

  @Test
  void petitionMailsStateUnitsClocksReasonsAndArticles() {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    MailFacts facts = MailFacts.of("XF-20261201-Q8M2N", "反映某公司未缴纳社会保险费问题", "Q8M2NRST", "宝安区", UnitLevel.COUNTY,
        Map.of("objectionDue", "2026-12-08T16:00:00Z"), "objectionDue", null, null).with(petition());
    java.util.function.Function<String, String> zhText = t -> templates.render(t, zh, facts.args("王小明", zh, templates)).text();

    assertThat(zhText.apply("petition-registered")).contains("宝安区信访局登记", "查询码：Q8M2NRST", "第二十一条", "15日内");
    assertThat(zhText.apply("petition-not-accepted")).contains("不予受理", "理由：涉及多个部门", "第二十三条", "第三十六条");
    assertThat(zhText.apply("petition-legal-channel")).contains("涉法涉诉", "第二十五条");
    assertThat(zhText.apply("petition-accepted")).contains("已由宝安区人力资源局受理", "60日内（至 2026年12月8日）", "30日", "第三十四条");
    assertThat(zhText.apply("petition-forwarded")).contains("宝安区信访局已将", "5个工作日内（至 2026年12月8日）", "第二十三条");
    assertThat(zhText.apply("petition-returned")).contains("宝安区人力资源局认为", "理由：涉及多个部门");
    assertThat(zhText.apply("petition-clock-warning")).contains("信访事项办理期限将于 2026年12月8日 届满");
    assertThat(zhText.apply("petition-extended")).contains("不超过30日", "延期理由：涉及多个部门", "第三十四条");
    assertThat(zhText.apply("petition-opinion")).contains("30日内（至 2026年12月8日）请求宝安区复查", "第三十五条");
    assertThat(zhText.apply("petition-review-decided")).contains("宝安区已对", "向深圳市请求复核", "第三十六条");
    assertThat(zhText.apply("petition-final")).contains("深圳市已对", "不再受理");
    assertThat(zhText.apply("petition-referred-to-mediation")).contains("MD-20261201-K7P9X", "第三十三条");

    // a supervision mail has no due header: the clock's own due date, and how late
    MailFacts overdue = MailFacts.of("XF-20261201-Q8M2N", "反映某公司未缴纳社会保险费问题", "Q8M2NRST", "宝安区",
        UnitLevel.COUNTY, Map.of(), null, null, null).with(petition());
    String supervision = templates.render("petition-overdue", zh, overdue.args("赵刚", zh, templates)).text();
    assertThat(supervision).contains("宝安区人力资源局办理的", "信访事项办理期限已于 2027年1月30日 届满，已逾期 3 日，尚未办结", "包案");
    Locale en = Locale.ENGLISH;
    assertThat(templates.render("petition-overdue", en, overdue.args("Zhao", en, templates)).text())
        .contains("The time limit to handle the petition of petition", "ended on 30 January 2027, 3 day(s) overdue");
    assertThat(templates.render("petition-overdue", en, overdue.args("Zhao", en, templates)).subject())
        .isEqualTo("[Jiefen] Supervision: petition XF-20261201-Q8M2N, the time limit to handle the petition has ended");

    // without facts from the file the mails still read: general words instead of names
    MailFacts bare = MailFacts.of("XF-1", "事项", "Q8M2NRST", "宝安区", UnitLevel.COUNTY, Map.of());
    for (String template : TEMPLATES.stream().filter(t -> t.startsWith("petition-")).toList()) {
      for (Locale locale : List.of(zh, en)) {
        var mail = templates.render(template, locale, bare.args("王小明", locale, templates));
        assertThat(mail.subject() + mail.text()).as(template).doesNotContain("{", "}", "null", "逾期 0");
      }
    }
    assertThat(templates.render("petition-overdue", zh, bare.args("赵刚", zh, templates)).text())
        .contains("有关机关、单位办理的", "办理期限已于 另行通知 届满，尚未办结");
  }

  @Test
  void badVariablesAreModellingErrors() {
    for (Map<String, Object> bad : java.util.List.<Map<String, Object>>of(
        Map.of("level", "PROVINCE"), Map.of("escalationReason", "boredom"), Map.of("sessionAt", "next Tuesday"),
        Map.of("levelDue", "2026-12-22"), Map.of("maxAttempts", "three"), Map.of("sessionPlace", 7))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> MailFacts.of("MD-1", "t", "q", "u", UnitLevel.TOWN, bad))
          .as(bad.toString())
          .isInstanceOf(MailFacts.BadVariable.class);
    }
  }

  private static Properties load(String locale) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MailTemplatesTest.class.getResourceAsStream("/i18n/mail_" + locale + ".properties")) {
      assertThat(in).as("i18n/mail_" + locale + ".properties").isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> rest = new TreeSet<>(a);
    rest.removeAll(b);
    return rest;
  }
}
