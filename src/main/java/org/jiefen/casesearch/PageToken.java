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

/**
 * The opaque token of the next page: the kind of search ({@code r} relevance, {@code c} newest
 * first), the last hit's sort values and, for a relevance search, its point in time. The sort
 * values are (score, shard doc) in a point in time, (score, id) on the live index when no point in
 * time could be opened, and (created, id) for the newest first.
 */
record PageToken(String mode, List<FieldValue> after, String pit) {

  static final String RELEVANCE = "r";
  static final String NEWEST = "c";
  private static final ObjectMapper JSON = new ObjectMapper();

  String encode() {
    ObjectNode token = JSON.createObjectNode();
    token.put("m", mode);
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
    if (pit != null) {
      token.put("p", pit);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The token, or null when it is not a token of a search of {@code mode}. */
  static PageToken decode(String token, String mode) {
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token.strip()));
      JsonNode values = node.get("v");
      if (!node.isObject() || !mode.equals(node.path("m").asText()) || values == null || !values.isArray()
          || values.size() != 2) {
        return null;
      }
      String pit = node.hasNonNull("p") ? node.get("p").asText() : null;
      JsonNode first = values.get(0);
      JsonNode second = values.get(1);
      List<FieldValue> out = new ArrayList<>();
      if (mode.equals(RELEVANCE) && first.isNumber()) {
        out.add(FieldValue.of(first.doubleValue()));
      } else if (mode.equals(NEWEST) && first.isIntegralNumber() && pit == null) {
        out.add(FieldValue.of(first.longValue()));
      } else {
        return null;
      }
      if (pit != null && second.isIntegralNumber()) {
        out.add(FieldValue.of(second.longValue()));
      } else if (pit == null && second.isTextual()) {
        out.add(FieldValue.of(second.asText()));
      } else {
        return null;
      }
      return new PageToken(mode, out, pit);
    } catch (RuntimeException | IOException e) {
      return null;
    }
  }
}
