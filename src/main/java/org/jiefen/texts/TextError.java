package org.jiefen.texts;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is wrong with a field of an administrator's text: the field, a code whose message is
 * {@code texts.error.<code>} in the page's bundle (in English here for problem bodies), and its
 * arguments.
 */
public record TextError(String field, String code, List<Object> args) {

  private static final Map<String, String> ENGLISH = Map.ofEntries(
      Map.entry("required", "must not be empty"),
      Map.entry("tooLong", "must be at most {0} characters"),
      Map.entry("tooManyLines", "must be at most {0} lines"),
      Map.entry("oneLine", "must be one line"),
      Map.entry("control", "must not contain control characters"),
      Map.entry("quote", "a single quote must be written twice ('''') in a pattern"),
      Map.entry("pattern", "is not a valid MessageFormat pattern: {0}"),
      Map.entry("braces", "has a brace without its pair"),
      Map.entry("argumentForm", "arguments are written '{'n'}', a number in braces, without a format"),
      Map.entry("argument", "uses '{'{0}'}', which this template does not have; it has {1}"),
      Map.entry("personalData", "must not contain an ID card or mobile number"),
      Map.entry("markup", "is plain text: a line must not start with a markup character ({0})"));

  public TextError(String field, String code, Object... args) {
    this(field, code, List.of(args));
  }

  /** The message in English, for problem bodies. */
  public String english() {
    return new MessageFormat(ENGLISH.getOrDefault(code, code), Locale.ENGLISH).format(args.toArray());
  }
}
