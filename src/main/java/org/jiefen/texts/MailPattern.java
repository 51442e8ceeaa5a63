package org.jiefen.texts;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiefen.pii.Masking;

/**
 * The rules for an administrator's mail subject or text: a {@link MessageFormat} pattern, not
 * empty, within its length, arguments written {@code {n}} and only those the template has, single
 * quotes doubled (MessageFormat silently drops a lone one and the text up to the next), and no ID
 * card or mobile number (mails must never carry one in full).
 */
final class MailPattern {

  static final int MAX_SUBJECT = 200;
  static final int MAX_TEXT = 5000;
  private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  private MailPattern() {}

  /** The argument indexes a well-formed pattern uses ({@code {n}} outside quotes). */
  static SortedSet<Integer> arguments(String pattern) {
    SortedSet<Integer> found = new TreeSet<>();
    for (String argument : placeholders(pattern)) {
      if (argument.strip().matches("\\d{1,3}")) {
        found.add(Integer.parseInt(argument.strip()));
      }
    }
    return found;
  }

  /**
   * The problems of {@code pattern} (line breaks already {@code \n}) as the {@code field} of a template with the {@code allowed}
   * arguments, formatted once with {@code samples} (which must cover every allowed index).
   */
  static List<TextError> check(String field, String pattern, boolean subject, Set<Integer> allowed, Locale locale,
      Object[] samples) {
    List<TextError> errors = new ArrayList<>();
    int max = subject ? MAX_SUBJECT : MAX_TEXT;
    if (pattern == null || pattern.isBlank()) {
      errors.add(new TextError(field, "required"));
      return errors;
    }
    if (pattern.length() > max) {
      errors.add(new TextError(field, "tooLong", max));
      return errors;
    }
    if (subject && pattern.contains("\n")) {
      errors.add(new TextError(field, "oneLine"));
    } else if (CONTROL.matcher(pattern).find()) {
      errors.add(new TextError(field, "control"));
    }
    if (LONE_QUOTE.matcher(pattern).find()) {
      errors.add(new TextError(field, "quote"));
      return errors;
    }
    MessageFormat format;
    try {
      format = new MessageFormat(pattern, locale);
    } catch (IllegalArgumentException e) {
      String reason = String.valueOf(e.getMessage());
      errors.add(reason.startsWith("Unmatched braces") ? new TextError(field, "braces")
          : new TextError(field, "pattern", reason));
      return errors;
    }
    if (placeholders(pattern).stream().anyMatch(a -> !a.strip().matches("\\d{1,3}"))) {
      errors.add(new TextError(field, "argumentForm"));
      return errors;
    }
    for (int index : arguments(pattern)) {
      if (!allowed.contains(index)) {
        errors.add(new TextError(field, "argument", index,
            allowed.stream().map(i -> "{" + i + "}").collect(Collectors.joining(" "))));
      }
    }
    if (!Masking.maskText(pattern).equals(pattern)) {
      errors.add(new TextError(field, "personalData"));
    }
    if (errors.isEmpty()) {
      try {
        format.format(samples);
      } catch (IllegalArgumentException e) {
        errors.add(new TextError(field, "pattern", String.valueOf(e.getMessage())));
      }
    }
    return errors;
  }

  /** The text between the braces of each argument outside quotes, as MessageFormat reads them. */
  private static List<String> placeholders(String pattern) {
    List<String> found = new ArrayList<>();
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == '{' && !quoted) {
        int depth = 1;
        int j = i + 1;
        while (j < pattern.length() && depth > 0) {
          char d = pattern.charAt(j);
          if (d == '{') {
            depth++;
          } else if (d == '}') {
            depth--;
          }
          j++;
        }
        found.add(pattern.substring(i + 1, depth == 0 ? j - 1 : j));
        i = j - 1;
      }
    }
    return found;
  }
}
