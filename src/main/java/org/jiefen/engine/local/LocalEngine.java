package org.jiefen.engine.local;

import io.camunda.zeebe.process.test.engine.DurableEngine;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.jiefen.engine.EngineProperties;
import org.jiefen.platform.DataDirectory;
import org.jiefen.platform.LocalMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded engine of local mode. Its log lives in {@code <data-dir>/engine/engine.log} and is
 * replayed when the bean is created, before the Camunda client connects. The clock offset moved by
 * the dev clock is kept beside it, so time never jumps back after a restart.
 */
@Component("localEngine")
@LocalMode
public class LocalEngine {

  private static final Logger LOG = LoggerFactory.getLogger(LocalEngine.class);

  private final DurableEngine engine;
  private final Path offsetFile;
  private Duration offset;

  public LocalEngine(EngineProperties properties, DataDirectory dataDirectory) {
    Path dir = dataDirectory.dir("engine");
    offsetFile = dir.resolve("clock-offset");
    offset = readOffset(offsetFile);
    long started = System.nanoTime();
    engine =
        DurableEngine.start(
            new DurableEngine.Settings(
                dir.resolve("engine.log"),
                new InetSocketAddress("127.0.0.1", properties.port()),
                properties.fsync(),
                properties.fsyncInterval(),
                offset));
    DurableEngine.Replay replay = engine.replay();
    LOG.info(
        "embedded engine at {} replayed {} blocks ({} KB) in {} ms, ready after {} ms, clock offset {}",
        engine.getGatewayAddress(),
        replay.blocks(),
        replay.bytes() / 1024,
        replay.readTime().toMillis(),
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        offset);
  }

  public DurableEngine engine() {
    return engine;
  }

  /** Offset of the engine clock (and the app clock) from the system clock. */
  public synchronized Duration offset() {
    return offset;
  }

  public Instant now() {
    return engine.now();
  }

  /** Moves the engine clock and the app clock forward together, and remembers the new offset. */
  public synchronized Instant advance(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("time only moves forward");
    }
    Duration next = offset.plus(duration);
    writeOffset(next);
    offset = next;
    engine.increaseTime(duration);
    LOG.info("clock advanced by {}; offset now {}", duration, next);
    return engine.now();
  }

  private static Duration readOffset(Path file) {
    try {
      return Files.exists(file)
          ? Duration.parse(Files.readString(file, StandardCharsets.UTF_8).trim())
          : Duration.ZERO;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read clock offset " + file, e);
    }
  }

  private void writeOffset(Duration value) {
    try {
      Path tmp = offsetFile.resolveSibling("clock-offset.tmp");
      Files.writeString(tmp, value.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, offsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write clock offset " + offsetFile, e);
    }
  }

  @PreDestroy
  void stop() {
    engine.stop();
  }
}
