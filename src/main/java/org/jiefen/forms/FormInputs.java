package org.jiefen.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process variables a form reads besides its own fields: the {@code valuesKey} of selects,
 * radios and checklists (their options), and the names in its FEEL expressions ({@code "=..."},
 * e.g. a condition on {@code repeatSuspected}). The form's own field keys are left out, so a value
 * recorded at an earlier attempt never pre-fills a field. Names are over-approximated (a FEEL
 * keyword is harmless: only names that are variables are looked up).
 */
final class FormInputs {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private FormInputs() {}

  static Set<String> of(JsonNode form) {
    Set<String> names = new TreeSet<>();
    Set<String> keys = new HashSet<>();
    walk(form, names, keys);
    names.removeAll(keys);
    return Set.copyOf(names);
  }

  private static void walk(JsonNode node, Set<String> names, Set<String> keys) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        if (field.getKey().equals("valuesKey") && value.isTextual()) {
          names.add(value.asText());
        } else if ((field.getKey().equals("key") || field.getKey().equals("path")) && value.isTextual()) {
          keys.add(value.asText().split("\\.")[0]);
        } else if (value.isTextual() && value.asText().startsWith("=")) {
          Matcher m = NAME.matcher(value.asText().replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " "));
          while (m.find()) {
            names.add(m.group());
          }
        } else {
          walk(value, names, keys);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> walk(child, names, keys));
    }
  }
}
