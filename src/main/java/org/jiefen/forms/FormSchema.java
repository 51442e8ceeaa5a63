package org.jiefen.forms;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A form-js schema (schemaVersion up to 18) read as the rules a submission must keep: which keys
 * exist, where they sit in the submitted data, and what each field accepts.
 *
 * <p>How form-js binds data, and how this class reads it:
 *
 * <ul>
 *   <li>A field's {@code key} is its path in the data; dots nest ({@code "address.city"}).
 *   <li>A {@code group} with a {@code path} nests its fields under that path; without one it only
 *       lays them out.
 *   <li>A {@code dynamiclist} binds a list of objects at its {@code path}; each object is checked
 *       against the list's components.
 *   <li>{@code text}, {@code html}, {@code image}, {@code spacer}, {@code separator}, {@code
 *       button}, {@code iframe}, {@code table} and {@code documentPreview} carry no value.
 *   <li>{@code expression} and {@code filepicker} fields, and component types this class does not
 *       know, make the form unusable here: their values could not be checked, so such a form is
 *       refused at deployment rather than accepting unchecked data later.
 *   <li>FEEL is not evaluated. A component with a {@code conditional} (hide) expression, or inside
 *       one, is never required; {@code disabled} and {@code readonly} fields are never required; a
 *       rule whose value is an expression ({@code "=..."}) is not enforced.
 *   <li>A field whose custom properties hold {@code "process": "true"} is a process field: its value
 *       goes to the engine when the task completes.
 * </ul>
 *
 * Immutable once parsed.
 */
public final class FormSchema {

  /** Components that show something but bind no data. */
  private static final Set<String> DISPLAY_ONLY =
      Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "documentPreview");

  private static final Set<String> FIELDS =
      Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "checklist", "taglist", "datetime");

  // Duplicate keys in a form are ambiguous data bindings: refuse them as the deploy check does.
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String id;
  private final Group root;
  private final Set<String> inputNames;

  private FormSchema(String id, Group root, Set<String> inputNames) {
    this.id = id;
    this.root = root;
    this.inputNames = inputNames;
  }

  /** The process variables the form reads besides its own fields (see {@link FormInputs}). */
  public Set<String> inputNames() {
    return inputNames;
  }

  /** The form id user tasks reference ({@code zeebe:formDefinition formId}). */
  public String id() {
    return id;
  }

  Group root() {
    return root;
  }

  /** Whether any field of the form goes to the engine. */
  public boolean hasProcessFields() {
    return root.hasProcessFields();
  }

  /** @throws InvalidFormException if the bytes are not a form this class can check submissions against */
  public static FormSchema parse(byte[] json) {
    JsonNode form;
    try {
      form = JSON.readTree(json);
    } catch (IOException e) {
      throw new InvalidFormException(List.of("is not valid JSON"));
    }
    return parse(form);
  }

  /** @throws InvalidFormException if the schema is not a form this class can check submissions against */
  public static FormSchema parse(JsonNode form) {
    if (form == null || !form.isObject()) {
      throw new InvalidFormException(List.of("is not a JSON object"));
    }
    String id = form.path("id").asText("");
    Builder builder = new Builder();
    if (id.isBlank()) {
      builder.problems.add("has no \"id\"");
    }
    Group root = new Group();
    JsonNode components = form.path("components");
    if (!components.isArray()) {
      builder.problems.add("has no \"components\" array");
    } else {
      builder.components(components, root, false);
    }
    if (!builder.problems.isEmpty()) {
      throw new InvalidFormException(builder.problems);
    }
    return new FormSchema(id, root, FormInputs.of(form));
  }

  /** A form that cannot be used to check submissions, with every reason. */
  public static final class InvalidFormException extends IllegalArgumentException {
    private final List<String> problems;

    InvalidFormException(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  // --- the parsed shape ---

  /** Something bound to a key of an object in the submitted data. */
  sealed interface Member permits Field, Group, Repeat {}

  /** An object in the data: the form's root, a group with a path, or an intermediate key segment. */
  static final class Group implements Member {
    final Map<String, Member> members = new LinkedHashMap<>();

    boolean hasProcessFields() {
      return members.values().stream()
          .anyMatch(
              m ->
                  switch (m) {
                    case Field f -> f.process();
                    case Group g -> g.hasProcessFields();
                    case Repeat r -> r.item().hasProcessFields();
                  });
    }
  }

  /** A dynamic list: a list of objects, each bound like {@code item}. */
  record Repeat(Group item) implements Member {}

  enum Kind {
    LINE,
    TEXT,
    NUMBER,
    DATE,
    TIME,
    DATETIME,
    CHOICE,
    MULTI,
    CHECKBOX
  }

  /**
   * A field and its rules. {@code options} are the allowed values in canonical form, or null when
   * the options are dynamic ({@code valuesKey}, {@code valuesExpression}) and only the type is checked.
   */
  record Field(
      String type,
      Kind kind,
      boolean required,
      boolean process,
      Integer minLength,
      Integer maxLength,
      BigDecimal min,
      BigDecimal max,
      Pattern pattern,
      String validationType,
      List<Object> options,
      boolean numberAsString,
      Integer decimalDigits,
      BigDecimal increment)
      implements Member {}

  // --- reading a schema ---

  private static final class Builder {
    final List<String> problems = new ArrayList<>();

    void components(JsonNode components, Group target, boolean optional) {
      for (JsonNode c : components) {
        if (!c.isObject()) {
          problems.add("has a component that is not an object");
          continue;
        }
        String type = c.path("type").asText("");
        String where = describe(c);
        // Nothing under a conditionally hidden component can be required: we do not evaluate FEEL.
        boolean hidden = optional || hasHideCondition(c);
        if (DISPLAY_ONLY.contains(type)) {
          continue;
        }
        switch (type) {
          case "group" -> {
            List<String> path = path(c.path("path").asText(""), where);
            Group inner = path == null || path.isEmpty() ? target : group(target, path, where);
            if (inner != null) {
              components(c.path("components"), inner, hidden);
            }
          }
          case "dynamiclist" -> {
            List<String> path = path(c.path("path").asText(""), where);
            if (path != null && path.isEmpty()) {
              problems.add(where + " has no \"path\" for its list");
            } else if (path != null) {
              Repeat list = new Repeat(new Group());
              if (bind(target, path, list, where)) {
                components(c.path("components"), list.item(), hidden);
              }
            }
          }
          case "expression", "filepicker" ->
              problems.add(
                  where
                      + " holds a value made in the browser that the server cannot check; use a"
                      + " textfield, select or other plain field instead");
          default -> {
            if (!FIELDS.contains(type)) {
              problems.add(where + " has the unsupported component type \"" + type + "\"");
              continue;
            }
            List<String> key = path(c.path("key").asText(""), where);
            if (key != null && key.isEmpty()) {
              problems.add(where + " has no \"key\"");
            } else if (key != null) {
              Field field = field(c, type, hidden, where);
              if (field != null) {
                bind(target, key, field, where);
              }
            }
          }
        }
      }
    }

    private Field field(JsonNode c, String type, boolean hidden, String where) {
      JsonNode validate = c.path("validate");
      int before = problems.size();
      Kind kind =
          switch (type) {
            case "textfield" -> Kind.LINE;
            case "textarea" -> Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.CHECKBOX;
            case "select", "radio" -> Kind.CHOICE;
            case "checklist", "taglist" -> Kind.MULTI;
            case "datetime" ->
                switch (c.path("subtype").asText("date")) {
                  case "date" -> Kind.DATE;
                  case "time" -> Kind.TIME;
                  case "datetime" -> Kind.DATETIME;
                  default -> {
                    problems.add(where + " has the unknown datetime subtype \"" + c.path("subtype").asText() + "\"");
                    yield null;
                  }
                };
            default -> throw new IllegalStateException(type);
          };
      boolean readonly = c.path("readonly").asBoolean(false) || isExpression(c.path("readonly"));
      boolean required =
          validate.path("required").isBoolean()
              && validate.path("required").booleanValue()
              && !hidden
              && !c.path("disabled").asBoolean(false)
              && !readonly;
      JsonNode process = c.path("properties").path("process");
      boolean isProcess = process.isBoolean() ? process.booleanValue() : "true".equals(process.asText(""));
      Pattern pattern = null;
      String regex = validate.path("pattern").asText("");
      if (!regex.isEmpty() && !isExpression(validate.path("pattern"))) {
        try {
          pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
          problems.add(where + " has a validate.pattern that is not a valid regular expression");
        }
      }
      String validationType = validate.path("validationType").asText("");
      if (!validationType.isEmpty() && !Set.of("email", "phone", "custom").contains(validationType)) {
        problems.add(where + " has the unknown validationType \"" + validationType + "\"");
      }
      List<Object> options = null;
      if (kind == Kind.CHOICE || kind == Kind.MULTI) {
        boolean dynamic = !c.path("valuesKey").asText("").isEmpty() || !c.path("valuesExpression").asText("").isEmpty();
        if (!dynamic) {
          options = new ArrayList<>();
          for (JsonNode option : c.path("values")) {
            Object value = Values.canonical(option.path("value"));
            if (value == null) {
              problems.add(where + " has an option without a text, number or boolean \"value\"");
            } else {
              options.add(value);
            }
          }
        }
      }
      Field field =
          new Field(
              type,
              kind,
              required,
              isProcess,
              integer(validate.path("minLength"), where, "validate.minLength"),
              integer(validate.path("maxLength"), where, "validate.maxLength"),
              decimal(validate.path("min"), where, "validate.min"),
              decimal(validate.path("max"), where, "validate.max"),
              pattern,
              validationType.isEmpty() || validationType.equals("custom") ? null : validationType,
              options == null ? null : List.copyOf(options),
              c.path("serializeToString").asBoolean(false),
              integer(c.path("decimalDigits"), where, "decimalDigits"),
              decimal(c.path("increment"), where, "increment"));
      if (field.increment() != null && field.increment().signum() <= 0) {
        problems.add(where + " has an increment that is not positive");
      }
      return problems.size() == before ? field : null;
    }

    /** A group at this path under {@code target}, created or shared with other groups of the same path. */
    private Group group(Group target, List<String> path, String where) {
      return group(target, path, where, path);
    }

    private Group group(Group target, List<String> path, String where, List<String> bound) {
      Group at = target;
      for (String segment : path) {
        Member existing = at.members.get(segment);
        if (existing == null) {
          Group created = new Group();
          at.members.put(segment, created);
          at = created;
        } else if (existing instanceof Group g) {
          at = g;
        } else {
          problems.add(where + " binds \"" + String.join(".", bound) + "\", which another component binds already");
          return null;
        }
      }
      return at;
    }

    /** Binds a field or list at a path; two components may not bind the same data. */
    private boolean bind(Group target, List<String> path, Member member, String where) {
      Group parent = group(target, path.subList(0, path.size() - 1), where, path);
      if (parent == null) {
        return false;
      }
      String last = path.get(path.size() - 1);
      if (parent.members.containsKey(last)) {
        problems.add(where + " binds \"" + String.join(".", path) + "\", which another component binds already");
        return false;
      }
      parent.members.put(last, member);
      return true;
    }

    /** Dot-separated segments; null (and a problem) when a segment is empty. */
    private List<String> path(String dotted, String where) {
      if (dotted.isBlank()) {
        return List.of();
      }
      List<String> segments = List.of(dotted.split("\\.", -1));
      if (segments.stream().anyMatch(String::isBlank)) {
        problems.add(where + " has the malformed key or path \"" + dotted + "\"");
        return null;
      }
      return segments;
    }

    private Integer integer(JsonNode node, String where, String name) {
      if (node.isMissingNode() || node.isNull() || isExpression(node)) {
        return null;
      }
      if (node.canConvertToInt() && node.isIntegralNumber()) {
        return node.intValue();
      }
      if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
        return Integer.parseInt(node.asText());
      }
      problems.add(where + " has a " + name + " that is not a whole number");
      return null;
    }

    private BigDecimal decimal(JsonNode node, String where, String name) {
      if (node.isMissingNode() || node.isNull() || isExpression(node) || (node.isTextual() && node.asText().isBlank())) {
        return null;
      }
      if (node.isNumber()) {
        return node.decimalValue();
      }
      if (node.isTextual()) {
        try {
          return new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
          // reported below
        }
      }
      problems.add(where + " has a " + name + " that is not a number");
      return null;
    }

    private static boolean hasHideCondition(JsonNode c) {
      return !c.path("conditional").path("hide").asText("").isBlank();
    }

    private static boolean isExpression(JsonNode node) {
      return node.isTextual() && node.asText().strip().startsWith("=");
    }

    private static String describe(JsonNode c) {
      String key = c.path("key").asText(c.path("path").asText(""));
      String id = c.path("id").asText("");
      String type = c.path("type").asText("?");
      return "component " + type + (key.isEmpty() ? "" : " \"" + key + "\"") + (id.isEmpty() ? "" : " (" + id + ")");
    }
  }
}
