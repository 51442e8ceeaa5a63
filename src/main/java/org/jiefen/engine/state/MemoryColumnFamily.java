package org.jiefen.engine.state;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.DbKey;
import io.camunda.zeebe.db.DbValue;
import io.camunda.zeebe.db.KeyValuePairVisitor;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.impl.ZeebeDbConstants;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One column family: its keys are the family's 8-byte id followed by the key's own bytes, both in
 * Zeebe's big-endian key byte order, so that unsigned byte order is numeric order. Like Zeebe's other stores, the key
 * and value instances handed in are reused for every read and visit.
 */
final class MemoryColumnFamily<
        C extends Enum<? extends EnumValue> & EnumValue & ScopedColumnFamily,
        K extends DbKey,
        V extends DbValue>
    implements ColumnFamily<K, V> {

  private static final int PREFIX_LENGTH = Long.BYTES;

  private final C columnFamily;
  private final TransactionContext context;
  private final K keyInstance;
  private final V valueInstance;

  MemoryColumnFamily(C columnFamily, TransactionContext context, K keyInstance, V valueInstance) {
    this.columnFamily = columnFamily;
    this.context = context;
    this.keyInstance = keyInstance;
    this.valueInstance = valueInstance;
  }

  @Override
  public void insert(K key, V value) {
    inTransaction(
        transaction -> {
          byte[] bytes = keyBytes(key);
          if (transaction.get(bytes) != null) {
            throw new ZeebeDbInconsistentException(
                "Key " + key + " in ColumnFamily " + columnFamily + " already exists");
          }
          transaction.put(bytes, valueBytes(value));
        });
  }

  @Override
  public void update(K key, V value) {
    inTransaction(
        transaction -> {
          byte[] bytes = keyBytes(key);
          if (transaction.get(bytes) == null) {
            throw new ZeebeDbInconsistentException(
                "Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
          }
          transaction.put(bytes, valueBytes(value));
        });
  }

  @Override
  public void upsert(K key, V value) {
    inTransaction(transaction -> transaction.put(keyBytes(key), valueBytes(value)));
  }

  @Override
  public V get(K key) {
    byte[][] found = new byte[1][];
    inTransaction(transaction -> found[0] = transaction.get(keyBytes(key)));
    return found[0] == null ? null : wrapValue(valueInstance, found[0]);
  }

  @Override
  public V get(K key, Supplier<V> valueSupplier) {
    byte[][] found = new byte[1][];
    inTransaction(transaction -> found[0] = transaction.get(keyBytes(key)));
    return found[0] == null ? null : wrapValue(valueSupplier.get(), found[0]);
  }

  @Override
  public void forEach(Consumer<V> consumer) {
    visit(NoKey.INSTANCE, null, (key, value) -> {
      consumer.accept(value);
      return true;
    });
  }

  @Override
  public void forEach(BiConsumer<K, V> consumer) {
    visit(NoKey.INSTANCE, null, (key, value) -> {
      consumer.accept(key, value);
      return true;
    });
  }

  @Override
  public void whileTrue(K startAtKey, KeyValuePairVisitor<K, V> visitor) {
    visit(NoKey.INSTANCE, startAtKey, visitor);
  }

  @Override
  public void whileTrue(KeyValuePairVisitor<K, V> visitor) {
    visit(NoKey.INSTANCE, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, BiConsumer<K, V> visitor) {
    visit(keyPrefix, null, (key, value) -> {
      visitor.accept(key, value);
      return true;
    });
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, KeyValuePairVisitor<K, V> visitor) {
    visit(keyPrefix, null, visitor);
  }

  @Override
  public void whileEqualPrefix(DbKey keyPrefix, K startAtKey, KeyValuePairVisitor<K, V> visitor) {
    visit(keyPrefix, startAtKey, visitor);
  }

  @Override
  public void deleteExisting(K key) {
    inTransaction(
        transaction -> {
          byte[] bytes = keyBytes(key);
          if (transaction.get(bytes) == null) {
            throw new ZeebeDbInconsistentException(
                "Key " + key + " in ColumnFamily " + columnFamily + " does not exist");
          }
          transaction.delete(bytes);
        });
  }

  @Override
  public void deleteIfExists(K key) {
    inTransaction(transaction -> transaction.delete(keyBytes(key)));
  }

  @Override
  public boolean exists(K key) {
    boolean[] found = new boolean[1];
    inTransaction(transaction -> found[0] = transaction.get(keyBytes(key)) != null);
    return found[0];
  }

  @Override
  public boolean isEmpty() {
    boolean[] empty = {true};
    visit(NoKey.INSTANCE, null, (key, value) -> empty[0] = false);
    return empty[0];
  }

  @Override
  public long count() {
    return countEqualPrefix(NoKey.INSTANCE);
  }

  @Override
  public long countEqualPrefix(DbKey keyPrefix) {
    long[] count = new long[1];
    inTransaction(
        transaction -> {
          byte[] prefix = keyBytes(keyPrefix);
          for (Map.Entry<byte[], byte[]> entry = transaction.ceiling(prefix);
              entry != null && startsWith(entry.getKey(), prefix);
              entry = transaction.higher(entry.getKey())) {
            count[0]++;
          }
        });
    return count[0];
  }

  @Override
  public ColumnFamilyScope partitionScope() {
    return columnFamily.partitionScope();
  }

  /**
   * Visits the entries whose keys start with {@code keyPrefix}, from {@code startAtKey} (or the
   * first of them), in key order, until the visitor returns false. Like Zeebe's RocksDB store, it
   * stops at the first key past the prefix.
   */
  private void visit(DbKey keyPrefix, DbKey startAtKey, KeyValuePairVisitor<K, V> visitor) {
    inTransaction(
        transaction -> {
          byte[] prefix = keyBytes(keyPrefix);
          byte[] start = startAtKey == null ? prefix : keyBytes(startAtKey);
          for (Map.Entry<byte[], byte[]> entry = transaction.ceiling(start);
              entry != null && startsWith(entry.getKey(), prefix);
              entry = transaction.higher(entry.getKey())) {
            byte[] key = entry.getKey();
            // a new view per visit: a nested visit must not move the buffer under this one
            keyInstance.wrap(new UnsafeBuffer(key), PREFIX_LENGTH, key.length - PREFIX_LENGTH);
            if (!visitor.visit(keyInstance, wrapValue(valueInstance, entry.getValue()))) {
              return;
            }
          }
        });
  }

  private void inTransaction(Operation operation) {
    context.runInTransaction(
        () -> operation.run(((MemoryTransaction) context.getCurrentTransaction())));
  }

  @FunctionalInterface
  private interface Operation {
    void run(MemoryTransaction transaction) throws Exception;
  }

  /** A new array per key: stored keys are never written to again. */
  private byte[] keyBytes(DbKey key) {
    byte[] bytes = new byte[PREFIX_LENGTH + key.getLength()];
    UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    buffer.putLong(0, columnFamily.getValue(), ZeebeDbConstants.ZB_DB_BYTE_ORDER);
    key.write(buffer, PREFIX_LENGTH);
    return bytes;
  }

  private static byte[] valueBytes(DbValue value) {
    byte[] bytes = new byte[value.getLength()];
    value.write(new UnsafeBuffer(bytes), 0);
    return bytes;
  }

  private static <T extends DbValue> T wrapValue(T instance, byte[] bytes) {
    instance.wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    return instance;
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}
