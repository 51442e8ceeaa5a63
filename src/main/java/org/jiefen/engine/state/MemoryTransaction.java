package org.jiefen.engine.state;

import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentNavigableMap;

/**
 * A transaction over the committed map: its writes and deletes are kept aside, in key order, and
 * read through (so the transaction sees its own writes); commit applies them, rollback drops them.
 *
 * <p>Iteration is a cursor, not a copy: each step asks both maps for the first key after the last
 * one returned, in O(log n). A step therefore sees the transaction as it is at that moment: an entry
 * deleted or added ahead of the cursor during the iteration is skipped or visited, and deleting the
 * current entry is safe. RocksDB's transaction iterators, which the engine is written against, also
 * read the transaction's own later writes.
 */
final class MemoryTransaction implements ZeebeDbTransaction {

  /** Marks a key deleted in this transaction; compared by identity. */
  private static final byte[] DELETED = new byte[0];

  private final ConcurrentNavigableMap<byte[], byte[]> committed;
  private final TreeMap<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);
  private boolean open;

  MemoryTransaction(ConcurrentNavigableMap<byte[], byte[]> committed) {
    this.committed = committed;
  }

  boolean isOpen() {
    return open;
  }

  /** Starts a transaction, dropping anything a previous one left uncommitted. */
  void begin() {
    writes.clear();
    open = true;
  }

  @Override
  public void run(TransactionOperation operation) throws Exception {
    operation.run();
  }

  @Override
  public void commit() {
    open = false;
    for (Map.Entry<byte[], byte[]> write : writes.entrySet()) {
      if (write.getValue() == DELETED) {
        committed.remove(write.getKey());
      } else {
        committed.put(write.getKey(), write.getValue());
      }
    }
    writes.clear();
  }

  @Override
  public void rollback() {
    open = false;
    writes.clear();
  }

  /** The value under the key as this transaction sees it, or null. Callers must not modify it. */
  byte[] get(byte[] key) {
    byte[] written = writes.get(key);
    if (written != null) {
      return written == DELETED ? null : written;
    }
    return committed.get(key);
  }

  /** Stores the arrays as they are: the caller hands them over and does not modify them again. */
  void put(byte[] key, byte[] value) {
    writes.put(key, value);
  }

  void delete(byte[] key) {
    if (committed.containsKey(key)) {
      writes.put(key, DELETED);
    } else {
      writes.remove(key);
    }
  }

  /** The first entry with a key at or after {@code key}, or null. */
  Map.Entry<byte[], byte[]> ceiling(byte[] key) {
    return next(key, true);
  }

  /** The first entry with a key after {@code key}, or null. */
  Map.Entry<byte[], byte[]> higher(byte[] key) {
    return next(key, false);
  }

  private Map.Entry<byte[], byte[]> next(byte[] from, boolean inclusive) {
    byte[] at = from;
    boolean including = inclusive;
    while (true) {
      Map.Entry<byte[], byte[]> base = including ? committed.ceilingEntry(at) : committed.higherEntry(at);
      Map.Entry<byte[], byte[]> own = including ? writes.ceilingEntry(at) : writes.higherEntry(at);
      if (own == null) {
        return base;
      }
      // No write lies between `at` and `own`, so a committed entry before `own` is not shadowed.
      if (base != null && Arrays.compareUnsigned(base.getKey(), own.getKey()) < 0) {
        return base;
      }
      if (own.getValue() != DELETED) {
        return own; // a write at the same key as a committed entry replaces it
      }
      at = own.getKey(); // deleted here: skip it, and the committed entry it hides
      including = false;
    }
  }
}
