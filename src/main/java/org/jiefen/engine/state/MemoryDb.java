package org.jiefen.engine.state;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.DbNil;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Zeebe's state in memory: one sorted map of committed entries, keyed like Zeebe's RocksDB store
 * (8-byte big-endian column family id, then the key's bytes) and ordered unsigned-lexicographically
 * as RocksDB orders them, so prefix scans walk a range of the map and cost what they visit.
 *
 * <p>The committed map is a {@link ConcurrentSkipListMap}: besides the stream processor, the
 * engine's scheduled tasks (timer due dates, job timeouts, batch operations) read the state from
 * other actor threads through their own transaction contexts. They may see a commit that is being
 * applied in part; what they find only leads to commands, which the processor checks against its
 * own, consistent view.
 */
public final class MemoryDb<C extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily>
    implements ZeebeDb<C> {

  private final ConcurrentSkipListMap<byte[], byte[]> committed =
      new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
  private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

  private MemoryDb() {}

  public static <C extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily> MemoryDb<C> create() {
    return new MemoryDb<>();
  }

  @Override
  public <K extends DbKey, V extends DbValue> ColumnFamily<K, V> createColumnFamily(
      C columnFamily, TransactionContext context, K keyInstance, V valueInstance) {
    return new MemoryColumnFamily<>(columnFamily, context, keyInstance, valueInstance);
  }

  @Override
  public TransactionContext createContext() {
    return new MemoryTransactionContext(new MemoryTransaction(committed));
  }

  @Override
  public boolean isEmpty(C columnFamily, TransactionContext context) {
    return createColumnFamily(columnFamily, context, NoKey.INSTANCE, DbNil.INSTANCE).isEmpty();
  }

  @Override
  public void createSnapshot(File snapshotDir) {
    // the log is what makes this engine durable; its state is rebuilt by replay
    throw new IllegalStateException("snapshots are not supported by the in-memory state");
  }

  @Override
  public Optional<String> getProperty(String propertyName) {
    return Optional.empty();
  }

  @Override
  public MeterRegistry getMeterRegistry() {
    return meterRegistry;
  }

  @Override
  public void close() {
    committed.clear();
  }

  /** Entries committed so far, over all column families (for tests and diagnostics). */
  public int size() {
    return committed.size();
  }
}
