package org.jiefen.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code jiefen.calendar.*}: the zone whose days the clocks count ({@code Asia/Shanghai}), the
 * seed file loaded into years the index lacks, how often an instance rereads the index (so an
 * upload on one instance reaches the others), and the largest CSV an administrator may upload.
 */
@ConfigurationProperties("jiefen.calendar")
@Validated
public record CalendarProperties(
    @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
    @DefaultValue("calendar/holidays-cn.csv") @NotBlank String seed,
    @DefaultValue("calendar/notices.properties") String seedNotices,
    @DefaultValue("5m") @NotNull Duration refresh,
    @DefaultValue("64KB") @NotNull DataSize maxUpload) {}
