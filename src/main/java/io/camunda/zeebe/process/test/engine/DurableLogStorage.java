package io.camunda.zeebe.process.test.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory log of ZPT, with every block also appended to a file that is read back before the
 * engine starts. Replaying the log rebuilds the engine state, so instances, timers, user tasks and
 * subscriptions survive a restart of the app.
 *
 * <p>Frame layout: {@code int length | long lowestPosition | long highestPosition | bytes | int crc32c}.
 * A torn frame at the end of the file (crash during a write) is cut off at start.
 */
final class DurableLogStorage extends InMemoryLogStorage implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(DurableLogStorage.class);
  private static final int HEADER = Integer.BYTES + 2 * Long.BYTES;
  private static final AppendListener IGNORE = new AppendListener() {};

  private final FileChannel channel;
  private final EngineLogFsync fsync;
  private final ScheduledExecutorService flusher;
  private final ReplayStats replayStats;

  record ReplayStats(long blocks, long bytes, long truncatedBytes, Duration readTime) {}

  DurableLogStorage(Path file, EngineLogFsync fsync, Duration fsyncInterval) {
    this.fsync = fsync;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      replayStats = load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open engine log " + file, e);
    }
    if (fsync == EngineLogFsync.INTERVAL) {
      flusher =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "engine-log-fsync");
                t.setDaemon(true);
                return t;
              });
      long millis = Math.max(1, fsyncInterval.toMillis());
      flusher.scheduleWithFixedDelay(this::force, millis, millis, TimeUnit.MILLISECONDS);
    } else {
      flusher = null;
    }
  }

  ReplayStats replayStats() {
    return replayStats;
  }

  private ReplayStats load() throws IOException {
    long started = System.nanoTime();
    long size = channel.size();
    long offset = 0;
    long blocks = 0;
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    ByteBuffer crcBuffer = ByteBuffer.allocate(Integer.BYTES);
    while (offset + HEADER + Integer.BYTES <= size) {
      header.clear();
      readFully(header, offset);
      header.flip();
      int length = header.getInt();
      long lowest = header.getLong();
      long highest = header.getLong();
      if (length <= 0 || offset + HEADER + length + Integer.BYTES > size) {
        break;
      }
      ByteBuffer block = ByteBuffer.allocate(length);
      readFully(block, offset + HEADER);
      crcBuffer.clear();
      readFully(crcBuffer, offset + HEADER + length);
      crcBuffer.flip();
      CRC32C crc = new CRC32C();
      crc.update(block.array(), 0, length);
      if ((int) crc.getValue() != crcBuffer.getInt()) {
        break;
      }
      block.flip();
      super.append(lowest, highest, block, IGNORE);
      blocks++;
      offset += HEADER + length + Integer.BYTES;
    }
    long truncated = size - offset;
    if (truncated > 0) {
      LOG.warn(
          "engine log has {} bytes of an incomplete or damaged block at its end; cutting them off",
          truncated);
      channel.truncate(offset);
      channel.force(true);
    }
    channel.position(offset);
    return new ReplayStats(blocks, offset, truncated, Duration.ofNanos(System.nanoTime() - started));
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    long pos = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, pos);
      if (read < 0) {
        throw new IOException("unexpected end of engine log at " + pos);
      }
      pos += read;
    }
  }

  @Override
  public void append(
      long lowestPosition, long highestPosition, ByteBuffer blockBuffer, AppendListener listener) {
    ByteBuffer block = blockBuffer.duplicate();
    block.position(0);
    int length = block.remaining();
    byte[] bytes = new byte[length];
    block.get(bytes);
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    ByteBuffer frame = ByteBuffer.allocate(HEADER + length + Integer.BYTES);
    frame.putInt(length).putLong(lowestPosition).putLong(highestPosition).put(bytes);
    frame.putInt((int) crc.getValue());
    frame.flip();
    try {
      synchronized (channel) {
        while (frame.hasRemaining()) {
          channel.write(frame);
        }
        if (fsync == EngineLogFsync.ALWAYS) {
          channel.force(false);
        }
      }
    } catch (IOException e) {
      // The block is not durable, so the engine must not see it as committed: fail loudly instead.
      throw new UncheckedIOException("cannot append to the engine log", e);
    }
    super.append(lowestPosition, highestPosition, ByteBuffer.wrap(bytes), listener);
  }

  private void force() {
    try {
      synchronized (channel) {
        if (channel.isOpen()) {
          channel.force(false);
        }
      }
    } catch (IOException e) {
      LOG.error("fsync of the engine log failed", e);
    }
  }

  @Override
  public void close() {
    if (flusher != null) {
      flusher.shutdownNow();
    }
    try {
      synchronized (channel) {
        if (channel.isOpen()) {
          channel.force(true);
          channel.close();
        }
      }
    } catch (IOException e) {
      LOG.warn("closing the engine log failed", e);
    }
  }
}
