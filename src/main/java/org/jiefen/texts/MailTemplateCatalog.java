package org.jiefen.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The shipped mail templates ({@code i18n/mail_zh_CN.properties}, {@code i18n/mail_en.properties}):
 * which exist, their default subject and text per language, and the arguments each may use. The
 * argument list of a template is what its defaults use in either language plus those every mail
 * fills with something meaningful ({@link #ALWAYS}: case number, reader, title, unit): an argument
 * another template fills (a court, a clock, a petition's review unit) would read "另行通知" here.
 * The arguments' names and sample values are in the texts bundle ({@code texts.mail.arg.<n>},
 * {@code texts.mail.sample.<n>}).
 */
@Component
public class MailTemplateCatalog {

  public static final List<String> LANGUAGES = List.of("zh_CN", "en");
  /** Filled for every mail: {0} case number, {1} reader, {2} case title, {4} unit. */
  static final SortedSet<Integer> ALWAYS = Collections.unmodifiableSortedSet(new TreeSet<>(List.of(0, 1, 2, 4)));
  /** Arguments MailFacts gives ({0}..{23}). */
  public static final int ARGUMENTS = 24;

  private static final Pattern SUBJECT_KEY = Pattern.compile("^mail\\.([a-z][a-z0-9-]*)\\.subject\\s*[=:]", Pattern.MULTILINE);

  /** A template: its defaults by language and the argument indexes it may use. */
  public record Template(String name, Map<String, String> subject, Map<String, String> text, SortedSet<Integer> arguments) {}

  private final List<Template> templates;
  private final Map<String, String> signatures;

  MailTemplateCatalog() {
    String zhText = read("zh_CN");
    Properties zh = properties(zhText);
    Properties en = properties(read("en"));
    List<Template> list = new ArrayList<>();
    Matcher m = SUBJECT_KEY.matcher(zhText);
    while (m.find()) {
      String name = m.group(1);
      String zhSubject = zh.getProperty("mail." + name + ".subject");
      String zhBody = zh.getProperty("mail." + name + ".text");
      String enSubject = en.getProperty("mail." + name + ".subject");
      String enBody = en.getProperty("mail." + name + ".text");
      if (zhBody == null || enSubject == null || enBody == null) {
        continue; // not a template (MailTemplatesTest keeps the real ones complete)
      }
      SortedSet<Integer> arguments = new TreeSet<>(ALWAYS);
      for (String pattern : List.of(zhSubject, zhBody, enSubject, enBody)) {
        arguments.addAll(MailPattern.arguments(pattern));
      }
      list.add(new Template(name, Map.of("zh_CN", zhSubject, "en", enSubject), Map.of("zh_CN", zhBody, "en", enBody),
          Collections.unmodifiableSortedSet(arguments)));
    }
    this.templates = List.copyOf(list);
    this.signatures = Map.of("zh_CN", zh.getProperty("mail.signature", ""), "en", en.getProperty("mail.signature", ""));
  }

  /** In the order of the Chinese file: mediation, court confirmation, petitions. */
  public List<Template> templates() {
    return templates;
  }

  public Optional<Template> find(String name) {
    return templates.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The line every mail ends with, in the language. */
  String signature(String language) {
    return signatures.getOrDefault(language, "");
  }

  private static String read(String language) {
    String path = "i18n/mail_" + language + ".properties";
    try (InputStream in = MailTemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
