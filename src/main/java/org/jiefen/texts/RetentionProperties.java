package org.jiefen.texts;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jiefen.retention.*}: the default retention period of a closed case by outcome, one map per
 * case kind ({@code mediation}, {@code petition}; {@code other} for an outcome the map does not
 * name), and how often an instance rereads the administrators' changes. The defaults and their basis
 * are in application.yml.
 */
@ConfigurationProperties("jiefen.retention")
public record RetentionProperties(
    Map<String, String> mediation, Map<String, String> petition, @DefaultValue("30s") Duration refresh) {

  Map<String, String> of(String kind) {
    Map<String, String> map = switch (kind) {
      case "mediation" -> mediation;
      case "petition" -> petition;
      default -> null;
    };
    return map == null ? Map.of() : map;
  }
}
