package org.jiefen.forms;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jiefen.cases.NewCase;
import org.jiefen.forms.FormSchema.Field;
import org.jiefen.forms.FormSchema.Group;
import org.jiefen.forms.FormSchema.Kind;
import org.jiefen.forms.FormSchema.Repeat;
import org.jiefen.pii.Masking;
import org.jiefen.pii.PhoneNumbers;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.FieldProblem.Violation;

/**
 * Checks a task submission against its form, the way form-js checks it in the browser plus what
 * only the server can insist on: no keys the form does not have, the value types, the plain-text
 * policy of case text, and no ID or phone numbers in what goes to the engine. Every violation is
 * reported, each naming its field by its path in the data ({@code outcome}, {@code address.city},
 * {@code items[2].amount}).
 *
 * <p>Rules beyond form-js: a required text field holding only blanks is empty; a text field
 * without a {@code maxLength} takes at most {@value #LINE_LIMIT} characters, a textarea at most
 * {@value #TEXT_LIMIT} (the engine and the case file are no place for megabytes of text).
 */
public final class FormValidator {

  static final int LINE_LIMIT = 1_000;
  static final int TEXT_LIMIT = 20_000;

  private static final Pattern PLAIN_LINE = Pattern.compile(NewCase.PLAIN_LINE);
  private static final Pattern PLAIN_TEXT = Pattern.compile(NewCase.PLAIN_TEXT);

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  // Mainland landlines (area code, number, optional extension) and other countries in + form;
  // mainland mobiles are checked by PhoneNumbers.
  private static final Pattern LANDLINE = Pattern.compile("(?:\\+?86[ -]?)?0\\d{2,3}[ -]?\\d{7,8}(?:(?:-|转)\\d{1,6})?");
  private static final Pattern INTERNATIONAL = Pattern.compile("\\+(?!86)[1-9](?:[ -]?\\d){6,14}");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIME =
      Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?");
  private static final Pattern DATETIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(.+)");
  private static final Pattern DECIMAL_TEXT = Pattern.compile("-?\\d{1,30}(?:\\.\\d{1,30})?");
  private static final Pattern SAFE_KEY = Pattern.compile("[\\p{L}\\p{N}_$.-]{1,64}");

  private FormValidator() {}

  /**
   * What a check found. {@code processVariables} are the submitted values of the process fields,
   * nested as submitted; empty when the submission is invalid.
   */
  public record Result(List<Violation> violations, Map<String, Object> processVariables) {

    public boolean valid() {
      return violations.isEmpty();
    }

    /** @throws FieldProblem (400, naming every field) unless the submission is valid */
    public Result orThrow() {
      if (!valid()) {
        throw new FieldProblem(violations);
      }
      return this;
    }
  }

  public static Result validate(FormSchema form, Map<String, ?> submission) {
    Check check = new Check();
    check.group(form.root(), submission == null ? Map.of() : submission, "");
    if (!check.violations.isEmpty()) {
      return new Result(List.copyOf(check.violations), Map.of());
    }
    return new Result(List.of(), Collections.unmodifiableMap(processPart(form.root(), submission == null ? Map.of() : submission)));
  }

  /** A task without a form takes no values: every key is refused. */
  public static Result withoutForm(Map<String, ?> submission) {
    List<Violation> violations = new ArrayList<>();
    if (submission != null) {
      new TreeSet<>(submission.keySet())
          .forEach(k -> violations.add(new Violation(safeName(k), "is not a field: this task has no form, so it takes no values")));
    }
    return new Result(List.copyOf(violations), Map.of());
  }

  private static final class Check {
    final List<Violation> violations = new ArrayList<>();

    void add(String path, String message) {
      violations.add(new Violation(path, message));
    }

    void group(Group group, Map<?, ?> values, String prefix) {
      for (var entry : group.members.entrySet()) {
        String path = join(prefix, entry.getKey());
        Object value = values.get(entry.getKey());
        switch (entry.getValue()) {
          case Field f -> field(f, value, path);
          case Group g -> {
            if (value == null) {
              group(g, Map.of(), path); // its required fields are missing
            } else if (value instanceof Map<?, ?> map) {
              group(g, map, path);
            } else {
              add(path, "must be an object");
            }
          }
          case Repeat r -> {
            if (value instanceof List<?> list) {
              for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> map) {
                  group(r.item(), map, path + "[" + i + "]");
                } else {
                  add(path + "[" + i + "]", "must be an object");
                }
              }
            } else if (value != null) {
              add(path, "must be a list");
            }
          }
        }
      }
      values.keySet().stream()
          .map(String::valueOf)
          .filter(k -> !group.members.containsKey(k))
          .sorted()
          .forEach(k -> add(join(prefix, safeName(k)), "is not a field of this form"));
    }

    void field(Field f, Object value, String path) {
      if (empty(f, value)) {
        if (f.required()) {
          add(path, "is required");
        }
        return;
      }
      int before = violations.size();
      switch (f.kind()) {
        case LINE, TEXT -> {
          if (value instanceof String s) {
            text(f, s, path);
          } else {
            add(path, "must be text");
          }
        }
        case NUMBER -> number(f, value, path);
        case DATE, TIME, DATETIME -> {
          if (!(value instanceof String s) || !temporal(f.kind(), s)) {
            add(path, temporalFormat(f.kind()));
          }
        }
        case CHOICE -> option(f, value, path);
        case MULTI -> {
          if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
              option(f, list.get(i), path + "[" + i + "]");
            }
          } else {
            add(path, "must be a list of values");
          }
        }
        case CHECKBOX -> {
          if (!(value instanceof Boolean)) {
            add(path, "must be true or false");
          }
        }
      }
      if (f.process() && violations.size() == before && holdsPersonalNumber(value)) {
        add(path, "must not hold an ID or phone number: this field goes to the process engine");
      }
    }

    private void text(Field f, String s, String path) {
      Pattern plain = f.kind() == Kind.TEXT ? PLAIN_TEXT : PLAIN_LINE;
      if (!plain.matcher(s).matches()) {
        add(path, NewCase.PLAIN_MESSAGE);
        return;
      }
      int length = s.strip().codePointCount(0, s.strip().length());
      if (f.maxLength() == null && s.length() > (f.kind() == Kind.TEXT ? TEXT_LIMIT : LINE_LIMIT)) {
        add(path, "must be at most " + (f.kind() == Kind.TEXT ? TEXT_LIMIT : LINE_LIMIT) + " characters");
      }
      if (f.minLength() != null && length < f.minLength()) {
        add(path, "must be at least " + f.minLength() + " characters");
      }
      if (f.maxLength() != null && length > f.maxLength()) {
        add(path, "must be at most " + f.maxLength() + " characters");
      }
      // form-js tests the pattern as JavaScript's RegExp.test does: somewhere in the value.
      if (f.pattern() != null && !f.pattern().matcher(s).find()) {
        add(path, "must match the pattern " + f.pattern().pattern());
      }
      if ("email".equals(f.validationType()) && (s.length() > 254 || !EMAIL.matcher(s).matches())) {
        add(path, "must be an e-mail address");
      }
      if ("phone".equals(f.validationType())
          && !PhoneNumbers.check(s).isValid()
          && !LANDLINE.matcher(s).matches()
          && !INTERNATIONAL.matcher(s).matches()) {
        add(path, "must be a phone number (a mobile number, a landline with its area code, or +country code and number)");
      }
    }

    private void number(Field f, Object value, String path) {
      BigDecimal n;
      if (value instanceof String s) {
        // form-js sends numbers as text when the field says serializeToString.
        if (!f.numberAsString() || !DECIMAL_TEXT.matcher(s).matches()) {
          add(path, f.numberAsString() ? "must be a number written as text, e.g. \"12.5\"" : "must be a number");
          return;
        }
        n = new BigDecimal(s);
      } else {
        n = Values.decimal(value);
        if (n == null) {
          add(path, "must be a number");
          return;
        }
      }
      if (f.min() != null && n.compareTo(f.min()) < 0) {
        add(path, "must be at least " + f.min().toPlainString());
      }
      if (f.max() != null && n.compareTo(f.max()) > 0) {
        add(path, "must be at most " + f.max().toPlainString());
      }
      if (f.decimalDigits() != null && Math.max(0, n.stripTrailingZeros().scale()) > f.decimalDigits()) {
        add(path, f.decimalDigits() == 0 ? "must be a whole number" : "must have at most " + f.decimalDigits() + " decimal digits");
      }
      if (f.increment() != null && n.remainder(f.increment()).signum() != 0) {
        add(path, "must be a multiple of " + f.increment().toPlainString());
      }
    }

    private void option(Field f, Object value, String path) {
      Object canonical = Values.canonical(value);
      if (canonical == null) {
        add(path, "must be a single value (text, number or true/false)");
        return;
      }
      if (canonical instanceof String s && !PLAIN_LINE.matcher(s).matches()) {
        add(path, NewCase.PLAIN_MESSAGE);
        return;
      }
      if (canonical instanceof String s && s.length() > LINE_LIMIT) {
        add(path, "must be at most " + LINE_LIMIT + " characters");
        return;
      }
      if (f.options() != null && !f.options().contains(canonical)) {
        add(path, "must be one of " + listed(f.options()));
      }
    }
  }

  private static boolean empty(Field f, Object value) {
    return switch (value) {
      case null -> true;
      case String s -> f.kind() != Kind.CHECKBOX && s.isBlank();
      case List<?> l -> f.kind() == Kind.MULTI && l.isEmpty();
      case Boolean b -> f.kind() == Kind.CHECKBOX && !b;
      default -> false;
    };
  }

  private static boolean temporal(Kind kind, String s) {
    try {
      switch (kind) {
        case DATE -> {
          if (!DATE.matcher(s).matches()) {
            return false;
          }
          LocalDate.parse(s); // ISO_LOCAL_DATE resolves strictly: no 2026-02-30
        }
        case TIME -> {
          Matcher m = TIME.matcher(s);
          if (!m.matches()) {
            return false;
          }
          if (m.group(2) != null) {
            ZoneOffset.of(m.group(2));
          }
        }
        case DATETIME -> {
          Matcher m = DATETIME.matcher(s);
          if (!m.matches() || !TIME.matcher(m.group(2)).matches()) {
            return false;
          }
          if (s.endsWith("Z") || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10) {
            OffsetDateTime.parse(s);
          } else {
            LocalDateTime.parse(s);
          }
        }
        default -> throw new IllegalStateException(kind.name());
      }
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static String temporalFormat(Kind kind) {
    return switch (kind) {
      case DATE -> "must be a date as yyyy-MM-dd, e.g. 2026-11-20";
      case TIME -> "must be a time as HH:mm, optionally with seconds and an offset, e.g. 09:30 or 09:30+08:00";
      default -> "must be a date and time in ISO-8601, e.g. 2026-11-20T09:30 or 2026-11-20T09:30+08:00";
    };
  }

  private static boolean holdsPersonalNumber(Object value) {
    if (value instanceof String s) {
      return !s.equals(Masking.maskText(s));
    }
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(FormValidator::holdsPersonalNumber);
    }
    return false;
  }

  /** The process fields of a valid submission, in the submission's nesting. */
  private static Map<String, Object> processPart(Group group, Map<?, ?> values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var entry : group.members.entrySet()) {
      String name = entry.getKey();
      if (!values.containsKey(name)) {
        continue;
      }
      Object value = values.get(name);
      switch (entry.getValue()) {
        case Field f -> {
          if (f.process()) {
            out.put(name, value);
          }
        }
        case Group g -> {
          if (g.hasProcessFields() && value instanceof Map<?, ?> map) {
            Map<String, Object> part = processPart(g, map);
            if (!part.isEmpty()) {
              out.put(name, part);
            }
          }
        }
        case Repeat r -> {
          if (r.item().hasProcessFields() && value instanceof List<?> list) {
            out.put(name, list.stream().map(item -> (Object) processPart(r.item(), (Map<?, ?>) item)).toList());
          }
        }
      }
    }
    return out;
  }

  private static String listed(List<Object> options) {
    String shown = options.stream().limit(20).map(o -> o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o))
        .collect(Collectors.joining(", "));
    return options.size() > 20 ? shown + ", ..." : shown;
  }

  private static String join(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  /** Keys are echoed in the answer; one that is not a plain name is shown without its markup or control characters. */
  static String safeName(Object key) {
    String k = String.valueOf(key);
    if (SAFE_KEY.matcher(k).matches()) {
      return k;
    }
    String cleaned = k.codePoints()
        .limit(64)
        .map(c -> c == '<' || c == '>' || Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return "\"" + cleaned + (k.codePointCount(0, k.length()) > 64 ? "..." : "") + "\"";
  }
}
