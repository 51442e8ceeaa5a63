package org.jiefen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the interface's two languages in step: every bundle has the same keys in {@code zh_CN} and
 * {@code en}, every key a template names exists, and no template shows text that is not from a
 * bundle (text between tags, or in placeholder/title/alt/aria-label attributes).
 */
class WebMessagesTest {

  static final Path BUNDLES = Path.of("src/main/resources/i18n/web");
  static final Path TEMPLATES = Path.of("src/main/resources/templates");
  static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
  static final Pattern VISIBLE_ATTRIBUTE =
      Pattern.compile("(?<![:\\w-])(placeholder|title|alt|aria-label|value)=\"([^\"]*)\"");

  @Test
  void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
    List<String> areas = areas();
    assertThat(areas).contains("common", "tasks", "cases", "intake", "board", "query", "dev");
    for (String area : areas) {
      Properties zh = load(BUNDLES.resolve(area + "_zh_CN.properties"));
      Properties en = load(BUNDLES.resolve(area + "_en.properties"));
      assertThat(new TreeSet<>(en.stringPropertyNames())).as(area + ": keys in en vs zh_CN")
          .isEqualTo(new TreeSet<>(zh.stringPropertyNames()));
      for (String key : zh.stringPropertyNames()) {
        assertThat(zh.getProperty(key)).as(area + " zh_CN " + key).isNotBlank();
        assertThat(en.getProperty(key)).as(area + " en " + key).isNotBlank();
      }
      // The English bundle holds no Chinese, except the language switch's own name.
      en.stringPropertyNames().stream().filter(k -> !k.equals("lang.zh"))
          .forEach(k -> assertThat(en.getProperty(k)).as("en " + k).doesNotContainPattern("\\p{IsHan}"));
    }
  }

  @Test
  void everyKeyATemplateNamesExists() throws IOException {
    Set<String> known = new TreeSet<>();
    for (String area : areas()) {
      known.addAll(load(BUNDLES.resolve(area + "_zh_CN.properties")).stringPropertyNames());
    }
    List<String> missing = new ArrayList<>();
    for (Path template : templates()) {
      Matcher m = KEY.matcher(Files.readString(template).replaceAll("(?s)<!--.*?-->", " "));
      while (m.find()) {
        if (!known.contains(m.group(1))) {
          missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void templatesShowNoHardCodedText() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template);
      String text = html.replaceAll("(?s)<!--.*?-->", " ")
          .replaceAll("(?s)<script\\b.*?</script>", " ")
          .replaceAll("(?s)<style\\b.*?</style>", " ")
          .replaceAll("(?s)<[^>]*>", " ")
          .replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " ");
      for (String piece : text.split("\\s+")) {
        // Letters of any script outside an expression are text nobody translates.
        if (piece.codePoints().anyMatch(Character::isLetter) && !piece.startsWith("&")) {
          found.add(TEMPLATES.relativize(template) + ": text '" + piece + "'");
        }
      }
      Matcher m = VISIBLE_ATTRIBUTE.matcher(html.replaceAll("(?s)<!--.*?-->", " "));
      while (m.find()) {
        if (m.group(2).codePoints().anyMatch(Character::isLetter)) {
          found.add(TEMPLATES.relativize(template) + ": " + m.group(1) + "='" + m.group(2) + "'");
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static List<String> areas() throws IOException {
    try (Stream<Path> files = Files.list(BUNDLES)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith("_zh_CN.properties"))
          .map(n -> n.substring(0, n.length() - "_zh_CN.properties".length()))
          .sorted()
          .toList();
    }
  }

  /** The case page and the search facets name outcomes by {@code code.outcome.*}: petitions' too. */
  @Test
  void everyOutcomeOfEitherKindHasALabel() throws IOException {
    for (String lang : List.of("zh_CN", "en")) {
      Properties cases = load(BUNDLES.resolve("cases_" + lang + ".properties"));
      org.jiefen.texts.RetentionSchedule.OUTCOMES.values().stream().flatMap(List::stream)
          .filter(o -> !o.equals(org.jiefen.texts.RetentionSchedule.OTHER))
          .forEach(o -> assertThat(cases.getProperty("code.outcome." + o)).as(lang + " " + o).isNotBlank());
    }
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
