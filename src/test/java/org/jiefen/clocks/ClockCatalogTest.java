package org.jiefen.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The catalog as application.yml ships it, and how a wrong one is refused. */
class ClockCatalogTest {

  static ClockCatalog shipped() throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);
    ClockSettings settings = Binder.get(environment).bind("jiefen", ClockSettings.class).get();
    return new ClockCatalog(settings);
  }

  @Test
  void theShippedCatalogHasTheStatutoryClocksWithTheirSources() throws Exception {
    ClockCatalog catalog = shipped();
    ClockDefinition application = catalog.get("confirmation-application");
    assertThat(application.length()).isEqualTo(ClockLength.days(30));
    assertThat(application.basis()).contains("人民调解法").contains("第三十三条");
    assertThat(catalog.get("court-acceptance").length()).isEqualTo(ClockLength.days(3));
    assertThat(catalog.get("court-acceptance").basis()).contains("司法确认程序").contains("第四条");
    ClockDefinition decision = catalog.get("court-decision");
    assertThat(decision.length()).isEqualTo(ClockLength.days(15));
    assertThat(decision.maxExtension()).isEqualTo(ClockLength.days(10));
    assertThat(decision.rollOver()).isTrue();
    assertThat(decision.basis()).contains("第五条");

    assertThat(catalog.get("petition-triage").length()).isEqualTo(ClockLength.days(15));
    assertThat(catalog.get("petition-acceptance-notice").basis()).contains("信访工作条例").contains("第二十三条");
    assertThat(catalog.get("petition-objection").length()).isEqualTo(ClockLength.workingDays(5));
    ClockDefinition handling = catalog.get("petition-handling");
    assertThat(handling.length()).isEqualTo(ClockLength.days(60));
    assertThat(handling.maxExtension()).isEqualTo(ClockLength.days(30));
    assertThat(handling.warning()).isEqualTo(new WarningRule.Fraction(1, 5));
    assertThat(handling.basis()).contains("第三十四条");
    for (String id : new String[] {"petition-review-request", "petition-review"}) {
      assertThat(catalog.get(id).length()).isEqualTo(ClockLength.days(30));
      assertThat(catalog.get(id).basis()).contains("第三十五条");
    }
    for (String id : new String[] {"petition-re-review-request", "petition-re-review"}) {
      assertThat(catalog.get(id).length()).isEqualTo(ClockLength.days(30));
      assertThat(catalog.get(id).basis()).contains("第三十六条");
    }
    assertThat(catalog.get("petition-assignment").maxExtension()).isNotNull();
    assertThat(catalog.all()).allSatisfy(c -> assertThat(c.label()).matches(".*\\p{IsHan}.*"));
  }

  @Test
  void anUnknownClockIsNamedWithTheClocksThereAre() throws Exception {
    assertThatThrownBy(() -> shipped().get("court-desicion"))
        .isInstanceOf(UnknownClockException.class)
        .hasMessageContaining("unknown clock 'court-desicion'")
        .hasMessageContaining("court-decision");
  }

  @Test
  void mistakesStopTheCatalogNamingTheirProperties() {
    Map<String, ClockSettings.Entry> entries = Map.of(
        "a", new ClockSettings.Entry("期限", "依据", "15", null, null, null),
        "b", new ClockSettings.Entry("期限", "依据", "5d", "5d", null, null),
        "c", new ClockSettings.Entry("期限", "依据", "5d", "1/1", null, null),
        "d", new ClockSettings.Entry("期限", null, "5d", null, null, null),
        "e", new ClockSettings.Entry("期限", "依据", "5d", null, null, "ten days"));
    assertThatThrownBy(() -> new ClockCatalog(entries))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jiefen.clocks.a.length")
        .hasMessageContaining("jiefen.clocks.b.warning: must be shorter")
        .hasMessageContaining("jiefen.clocks.c.warning")
        .hasMessageContaining("jiefen.clocks.d: label, basis and length are required")
        .hasMessageContaining("jiefen.clocks.e.max-extension");
  }

  @Test
  void lengthsAndWarningsParse() {
    assertThat(ClockLength.parse("15d")).isEqualTo(ClockLength.days(15));
    assertThat(ClockLength.parse(" 5wd ")).isEqualTo(ClockLength.workingDays(5));
    assertThat(ClockLength.parse("5wd").chinese()).isEqualTo("5个工作日");
    assertThat(ClockLength.parse("15d").chinese()).isEqualTo("15日");
    assertThatThrownBy(() -> ClockLength.parse("0d")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockLength.parse("P15D")).isInstanceOf(IllegalArgumentException.class);
    assertThat(WarningRule.parse("3wd")).isEqualTo(new WarningRule.Before(ClockLength.workingDays(3)));
    assertThat(WarningRule.parse("1/5").before(ClockLength.days(60))).isEqualTo(ClockLength.days(12));
    assertThatThrownBy(() -> WarningRule.parse("6/5")).isInstanceOf(IllegalArgumentException.class);
  }
}
