package org.jiefen.casesearch;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The opaque token of the next page.
 *
 * <ul>
 *   <li>Newest first ({@code c}): the last hit's (created, id).
 *   <li>Relevance ({@code r}): the ids of the first page ({@code shown}), which every later page
 *       leaves out, so the first page can be read on the live index by score alone (the fast way)
 *       and no case is shown twice or skipped when the second page is read in a point in time
 *       opened only then. After that the last hit's (score, shard doc) in that point in time, or
 *       (score, id) on the live index when no point in time could be opened.
 * </ul>
 */
record PageToken(String mode, List<FieldValue> after, String pit, List<String> shown) {

  static final String RELEVANCE = "r";
  static final String NEWEST = "c";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  PageToken {
    after = after == null ? List.of() : List.copyOf(after);
    shown = shown == null ? List.of() : List.copyOf(shown);
  }

  String encode() {
    ObjectNode token = JSON.createObjectNode();
    token.put("m", mode);
    if (!after.isEmpty()) {
      ArrayNode values = token.putArray("v");
      for (FieldValue v : after) {
        if (v.isDouble()) {
          values.add(v.doubleValue());
        } else if (v.isLong()) {
          values.add(v.longValue());
        } else if (v.isString()) {
          values.add(v.stringValue());
        } else {
          values.add(String.valueOf(v._get()));
        }
      }
    }
    if (pit != null) {
      token.put("p", pit);
    }
    if (!shown.isEmpty()) {
      ArrayNode ids = token.putArray("x");
      shown.forEach(ids::add);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The token, or null when it is not a token of a search of {@code mode}. */
  static PageToken decode(String token, String mode) {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token.strip()));
      if (node == null || !node.isObject() || !mode.equals(node.path("m").asText())) {
        return null;
      }
      String pit = node.hasNonNull("p") ? node.get("p").asText() : null;
      List<String> shown = ids(node.get("x"));
      JsonNode values = node.get("v");
      if (mode.equals(NEWEST)) {
        return pit == null && shown != null && shown.isEmpty() && pair(values, false)
            ? new PageToken(mode, List.of(FieldValue.of(values.get(0).longValue()), FieldValue.of(values.get(1).asText())), null, null)
            : null;
      }
      if (shown == null || shown.isEmpty()) {
        return null;
      }
      if (values == null) { // the second page: nothing read beyond the first yet
        return pit == null ? new PageToken(mode, null, null, shown) : null;
      }
      if (!pair(values, true) || !(pit != null ? values.get(1).isIntegralNumber() : values.get(1).isTextual())) {
        return null;
      }
      FieldValue tiebreak = pit != null ? FieldValue.of(values.get(1).longValue()) : FieldValue.of(values.get(1).asText());
      return new PageToken(mode, List.of(FieldValue.of(values.get(0).doubleValue()), tiebreak), pit, shown);
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }

  /** Two sort values: (a score, anything) or (a time in milliseconds, an id). */
  private static boolean pair(JsonNode values, boolean score) {
    return values != null && values.isArray() && values.size() == 2
        && (score ? values.get(0).isNumber() : values.get(0).isIntegralNumber() && values.get(1).isTextual());
  }

  /** The ids of a token's first page: an empty list when there are none, null when they are malformed. */
  private static List<String> ids(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray() || node.size() > CaseSearch.MAX_SIZE) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode id : node) {
      if (!id.isTextual() || !ID.matcher(id.asText()).matches()) {
        return null;
      }
      out.add(id.asText());
    }
    return out;
  }
}
