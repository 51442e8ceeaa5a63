package org.jiefen.lockout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code maxFailures} failed sign-ins within {@code window} lock a username for {@code duration}. */
@ConfigurationProperties("jiefen.security.lockout")
record LockoutProperties(
    @DefaultValue("10") int maxFailures,
    @DefaultValue("15m") Duration window,
    @DefaultValue("15m") Duration duration) {}
