package org.jiefen.deploy;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code jiefen.deploy.*} read by the {@link DeployRules}: job types served by workers outside
 * this app (connectors in production; none by default), and the process variables timers may read
 * (the deadlines the clock and level workers compute, and the follow-up delay).
 */
@ConfigurationProperties("jiefen.deploy")
@Validated
public record DeploySettings(@DefaultValue List<String> extraJobTypes, @NotEmpty List<String> clockVariables) {

  public DeploySettings {
    extraJobTypes = clean(extraJobTypes);
    clockVariables = clean(clockVariables);
  }

  private static List<String> clean(List<String> values) {
    return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }
}
