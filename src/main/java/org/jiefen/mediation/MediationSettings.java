package org.jiefen.mediation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code jiefen.mediation.*}: failed sessions allowed per level (the 三个三 practice: three), the
 * time each level has (a month, 司法部《人民调解工作若干规定》), when the yellow warning comes, and
 * when the follow-up visit is due after an agreement.
 *
 * <p>The time each level has is set in the mediation model (its start event's {@code
 * villageDeadline}, {@code townDeadline}, {@code countyDeadline}), so administrators change it
 * without a release; {@code level-deadline} applies to instances whose model does not set it. The
 * warning comes {@code warning-before} the deadline, or halfway through a level whose deadline is
 * not longer than that.
 */
@ConfigurationProperties("jiefen.mediation")
@Validated
public record MediationSettings(
    @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
    @DefaultValue("P30D") @NotNull Duration levelDeadline,
    @DefaultValue("P5D") @NotNull Duration warningBefore,
    @DefaultValue("P30D") @NotNull Duration followUpDelay) {

  public MediationSettings {
    if (levelDeadline != null && MediationLevels.parseDeadline(levelDeadline).isEmpty()) {
      throw new IllegalArgumentException("jiefen.mediation.level-deadline must be positive and at most "
          + MediationLevels.LONGEST_DEADLINE.toDays() + " days");
    }
    if (warningBefore != null && warningBefore.isNegative()) {
      throw new IllegalArgumentException("jiefen.mediation.warning-before must not be negative");
    }
    if (warningBefore != null && levelDeadline != null && warningBefore.compareTo(levelDeadline) >= 0) {
      throw new IllegalArgumentException("jiefen.mediation.warning-before must be shorter than the level deadline");
    }
  }
}
