package org.jiefen.engine;

import io.camunda.zeebe.process.test.engine.EngineLogFsync;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the embedded engine (local mode). */
@ConfigurationProperties("jiefen.engine")
public record EngineProperties(
    @DefaultValue("26500") int port,
    @DefaultValue("always") EngineLogFsync fsync,
    @DefaultValue("200ms") Duration fsyncInterval) {}
