package org.jiefen.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code jiefen.petition.repeat.*}: how intake finds repeat petitions (重复信访). {@code window}: how
 * far back it looks for the same person or the same matter (a year); {@code matterMatch}: the share
 * of the new text's terms (bigrams) an earlier petition must have to count as the same matter
 * without the same person (the same person needs far less, as for mediation: 30%). Matters closed
 * for good after re-review are looked for at any age.
 */
@ConfigurationProperties("jiefen.petition.repeat")
@Validated
public record RepeatPetitionSettings(
    @DefaultValue("P365D") @NotNull Duration window,
    @DefaultValue("50%") @NotNull @Pattern(regexp = "(100|[1-9]?\\d)%", message = "must be a percentage such as 50%")
        String matterMatch) {

  public RepeatPetitionSettings {
    if (window != null && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("jiefen.petition.repeat.window must be positive");
    }
  }
}
