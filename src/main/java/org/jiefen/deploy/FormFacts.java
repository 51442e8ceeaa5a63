package org.jiefen.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jiefen.deploy.ModelDiff.Facts;
import org.jiefen.deploy.ModelDiff.Property;

/**
 * The facts {@link ModelDiff} compares of a form-js form: the form's id and each component, by
 * its key (or its id when it binds no data, as texts and groups without a path do), nested
 * components included.
 */
final class FormFacts {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** The key of the form itself, which no component key can be. */
  private static final String FORM = " form";

  private final ModelDiff.Collector collector = new ModelDiff.Collector();

  private FormFacts() {}

  static Map<String, Facts> read(byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("is not JSON: " + e.getMessage(), e);
    }
    if (form == null || !form.isObject()) {
      throw new IllegalArgumentException("is not a form: the JSON is not an object");
    }
    FormFacts facts = new FormFacts();
    String id = form.path("id").asText(null);
    // the form as a whole, whatever its id: a changed id is a change of the form, not another form
    Map<Property, String> p = facts.collector.add(FORM, id, "form", id, null);
    put(p, "id", id);
    facts.components(form.path("components"));
    return facts.collector.facts();
  }

  private void components(JsonNode components) {
    for (JsonNode c : components) {
      String key = text(c.get("key"));
      String id = key != null ? key : text(c.get("id"));
      if (id != null) {
        component(id, c);
      }
      components(c.path("components"));
    }
  }

  private void component(String id, JsonNode c) {
    Map<Property, String> p = collector.add(id, text(c.get("type")), text(c.get("label")), null);
    put(p, "label", text(c.get("label")));
    JsonNode validate = c.path("validate");
    put(p, "required", validate.has("required") ? String.valueOf(validate.get("required").asBoolean()) : null);
    for (Iterator<Map.Entry<String, JsonNode>> it = validate.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = it.next();
      if (!rule.getKey().equals("required")) {
        put(p, new Property("validate", rule.getKey()), text(rule.getValue()));
      }
    }
    put(p, "options", options(c));
    put(p, "valuesKey", text(c.get("valuesKey")));
    put(p, "conditional", text(c.path("conditional").get("hide")));
    put(p, "defaultValue", text(c.get("defaultValue")));
    put(p, "readonly", text(c.get("readonly")));
    put(p, "text", text(c.get("text")));
  }

  /** Static options as "label=value; ...", or the expression that gives them. */
  private static String options(JsonNode c) {
    if (c.has("valuesExpression")) {
      return text(c.get("valuesExpression"));
    }
    JsonNode values = c.get("values");
    if (values == null || !values.isArray()) {
      return null;
    }
    List<String> options = new ArrayList<>();
    for (JsonNode v : values) {
      options.add(text(v.get("label")) + "=" + text(v.get("value")));
    }
    return String.join("; ", options);
  }

  private static void put(Map<Property, String> p, String code, String value) {
    put(p, Property.of(code), value);
  }

  private static void put(Map<Property, String> p, Property property, String value) {
    if (value != null) {
      p.putIfAbsent(property, value);
    }
  }

  /** A scalar as text (stripped), anything else as compact JSON; null for missing, null or blank. */
  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String value = node.isValueNode() ? node.asText().strip() : node.toString();
    return value.isEmpty() ? null : value;
  }
}
