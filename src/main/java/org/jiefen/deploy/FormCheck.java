package org.jiefen.deploy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.jiefen.forms.FormSchema;

/**
 * A form-js schema as the engine links it to user tasks (an object with an id and components) and
 * as task completion reads it ({@link FormSchema}).
 */
final class FormCheck {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private FormCheck() {}

  static void check(String name, byte[] bytes) {
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new ModelRefusedException(name, "is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ModelRefusedException(name, "is not valid JSON: " + e.getMessage());
    }
    if (form == null || !form.isObject()) {
      throw new ModelRefusedException(name, "is not a form: the JSON must be an object");
    }
    if (!form.path("components").isArray()) {
      throw new ModelRefusedException(name, "is not a form: it has no \"components\" array");
    }
    if (!form.path("id").isTextual() || form.path("id").asText().isBlank()) {
      throw new ModelRefusedException(
          name, "is not a form: it has no \"id\", which user tasks use to reference it");
    }
    if (!"default".equals(form.path("type").asText(null))) {
      throw new ModelRefusedException(name, "is not a form: \"type\" must be \"default\"");
    }
    // Task completion checks submissions against the form on the server; a form whose rules the
    // server cannot read would let unchecked data through, so it is refused here, at deployment.
    try {
      FormSchema.parse(form);
    } catch (FormSchema.InvalidFormException e) {
      throw new ModelRefusedException(name, "cannot be checked on task completion: " + e.getMessage());
    }
  }
}
