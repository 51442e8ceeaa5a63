package org.jiefen.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.db.ColumnFamily;
import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;
import io.camunda.zeebe.db.impl.DbCompositeKey;
import io.camunda.zeebe.db.impl.DbLong;
import io.camunda.zeebe.db.impl.DbString;
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ColumnFamilyScope;
import io.camunda.zeebe.protocol.EnumValue;
import io.camunda.zeebe.protocol.ScopedColumnFamily;
import io.camunda.zeebe.util.buffer.BufferUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transaction and iteration semantics of the engine's in-memory state. */
class MemoryDbTest {

  enum Family implements EnumValue, ScopedColumnFamily {
    ONE(1),
    TWO(2);

    private final int value;

    Family(int value) {
      this.value = value;
    }

    @Override
    public int getValue() {
      return value;
    }

    @Override
    public ColumnFamilyScope partitionScope() {
      return ColumnFamilyScope.PARTITION_LOCAL;
    }
  }

  private MemoryDb<Family> db;
  private TransactionContext context;
  private DbLong key;
  private DbLong value;
  private ColumnFamily<DbLong, DbLong> longs;

  @BeforeEach
  void setUp() {
    db = MemoryDb.create();
    context = db.createContext();
    key = new DbLong();
    value = new DbLong();
    longs = db.createColumnFamily(Family.ONE, context, key, value);
  }

  @Test
  void writesAreVisibleInsideTheTransactionAndToOthersOnlyAfterCommit() throws Exception {
    TransactionContext other = db.createContext();
    ColumnFamily<DbLong, DbLong> otherView = db.createColumnFamily(Family.ONE, other, new DbLong(), new DbLong());

    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    put(1, 10);
    assertThat(get(1)).isEqualTo(10);
    assertThat(otherView.exists(longKey(1))).isFalse();

    transaction.commit();

    assertThat(otherView.exists(longKey(1))).isTrue();
    assertThat(otherView.get(longKey(1)).getValue()).isEqualTo(10);
  }

  @Test
  void rollbackDiscardsWritesAndDeletes() throws Exception {
    put(1, 10); // outside a transaction: committed at once
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    put(2, 20);
    put(1, 11);
    longs.deleteExisting(longKey(1));
    assertThat(longs.exists(longKey(1))).isFalse();

    transaction.rollback();

    assertThat(get(1)).isEqualTo(10);
    assertThat(longs.exists(longKey(2))).isFalse();
    assertThat(db.size()).isEqualTo(1);
  }

  @Test
  void commitAppliesWritesAndDeletes() throws Exception {
    put(1, 10);
    put(2, 20);
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    longs.deleteExisting(longKey(1));
    put(2, 21);
    put(3, 30);
    transaction.commit();

    assertThat(longs.exists(longKey(1))).isFalse();
    assertThat(get(2)).isEqualTo(21);
    assertThat(get(3)).isEqualTo(30);
    assertThat(db.size()).isEqualTo(2);
  }

  @Test
  void aNewTransactionDropsWhatAnAbandonedOneLeft() throws Exception {
    context.getCurrentTransaction();
    put(1, 10);
    // the processor neither committed nor rolled back, and a later operation starts over
    context.getCurrentTransaction().rollback();
    ZeebeDbTransaction next = context.getCurrentTransaction();
    next.commit();

    assertThat(longs.exists(longKey(1))).isFalse();
  }

  @Test
  void anOperationOutsideATransactionThatFailsLeavesNothingBehind() {
    assertThatThrownBy(
            () -> context.runInTransaction(
                () -> {
                  put(1, 10);
                  throw new IllegalStateException("boom");
                }))
        .isInstanceOf(RuntimeException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);

    assertThat(longs.exists(longKey(1))).isFalse();
    assertThat(db.size()).isZero();
  }

  @Test
  void consistencyChecksRefuseDuplicateInsertsAndMissingKeys() {
    put(1, 10);

    assertThatThrownBy(() -> longs.insert(longKey(1), longValue(11))).isInstanceOf(ZeebeDbInconsistentException.class);
    assertThatThrownBy(() -> longs.update(longKey(2), longValue(20))).isInstanceOf(ZeebeDbInconsistentException.class);
    assertThatThrownBy(() -> longs.deleteExisting(longKey(2))).isInstanceOf(ZeebeDbInconsistentException.class);
    longs.deleteIfExists(longKey(2));
    longs.update(longKey(1), longValue(12));
    assertThat(get(1)).isEqualTo(12);
  }

  @Test
  void insertAfterDeleteInTheSameTransactionIsAllowed() throws Exception {
    put(1, 10);
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    longs.deleteExisting(longKey(1));
    longs.insert(longKey(1), longValue(11));
    transaction.commit();

    assertThat(get(1)).isEqualTo(11);
  }

  /** RocksDB orders keys as unsigned bytes; longs are written big-endian, so 128 comes after 127. */
  @Test
  void iterationIsInUnsignedLexicographicKeyOrder() {
    long[] keys = {-1L, 256, Long.MIN_VALUE, 1, 128, 0, 255, 127, Long.MAX_VALUE};
    for (long k : keys) {
      put(k, k);
    }

    assertThat(visitAll(longs)).containsExactly(0L, 1L, 127L, 128L, 255L, 256L, Long.MAX_VALUE, Long.MIN_VALUE, -1L);
  }

  @Test
  void prefixIterationVisitsThePrefixOnlyAndStartsWhereAsked() {
    DbLong first = new DbLong();
    DbLong second = new DbLong();
    ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong> pairs =
        db.createColumnFamily(Family.TWO, context, new DbCompositeKey<>(first, second), new DbLong());
    for (long a = 1; a <= 3; a++) {
      for (long b = 1; b <= 5; b++) {
        first.wrapLong(a);
        second.wrapLong(b);
        value.wrapLong(a * 10 + b);
        pairs.insert(new DbCompositeKey<>(first, second), value);
      }
    }
    put(2, 99); // the same prefix bytes in another column family

    List<Long> visited = new ArrayList<>();
    pairs.whileEqualPrefix(longKey(2), (k, v) -> {
      visited.add(v.getValue());
    });
    assertThat(visited).containsExactly(21L, 22L, 23L, 24L, 25L);

    visited.clear();
    DbLong startFirst = new DbLong();
    DbLong startSecond = new DbLong();
    startFirst.wrapLong(2);
    startSecond.wrapLong(4);
    pairs.whileEqualPrefix(longKey(2), new DbCompositeKey<>(startFirst, startSecond), (k, v) -> visited.add(v.getValue()));
    assertThat(visited).containsExactly(24L, 25L);

    assertThat(pairs.countEqualPrefix(longKey(3))).isEqualTo(5);
    assertThat(pairs.count()).isEqualTo(15);
    assertThat(longs.count()).isEqualTo(1);
  }

  @Test
  void visitorReceivesTheKeyAndStopsWhenItReturnsFalse() {
    for (long k = 1; k <= 5; k++) {
      put(k, k * 10);
    }
    List<Long> keysSeen = new ArrayList<>();

    longs.whileTrue(longKey(2), (k, v) -> {
      keysSeen.add(k.getValue());
      return k.getValue() < 4;
    });

    assertThat(keysSeen).containsExactly(2L, 3L, 4L);
  }

  @Test
  void iterationInsideATransactionMergesItsWritesWithTheCommittedState() throws Exception {
    put(1, 10);
    put(3, 30);
    put(5, 50);
    context.getCurrentTransaction();
    put(2, 20);
    longs.deleteExisting(longKey(3));
    put(5, 55);
    put(6, 60);

    List<Long> values = new ArrayList<>();
    longs.forEach(v -> {
      values.add(v.getValue());
    });

    assertThat(values).containsExactly(10L, 20L, 55L, 60L);
    assertThat(longs.count()).isEqualTo(4);
  }

  @Test
  void deletingEachVisitedEntryDuringIterationVisitsAllOnce() throws Exception {
    for (long k = 1; k <= 100; k++) {
      put(k, k);
    }
    ZeebeDbTransaction transaction = context.getCurrentTransaction();
    List<Long> visited = new ArrayList<>();
    DbLong toDelete = new DbLong();

    longs.forEach((k, v) -> {
      visited.add(k.getValue());
      toDelete.wrapLong(k.getValue());
      longs.deleteExisting(toDelete);
    });
    transaction.commit();

    assertThat(visited).hasSize(100).isSorted().doesNotHaveDuplicates();
    assertThat(longs.isEmpty()).isTrue();
    assertThat(db.isEmpty(Family.ONE, context)).isTrue();
  }

  /** The cursor reads the transaction as it is at each step, as a RocksDB transaction iterator does. */
  @Test
  void entriesChangedAheadOfTheCursorAreSeenAsTheyAreWhenReached() throws Exception {
    put(1, 10);
    put(3, 30);
    put(5, 50);
    context.getCurrentTransaction();
    List<Long> visited = new ArrayList<>();
    DbLong other = new DbLong();
    DbLong otherValue = new DbLong();

    longs.forEach((k, v) -> {
      visited.add(k.getValue());
      if (k.getValue() == 1) {
        other.wrapLong(3);
        longs.deleteExisting(other);
        other.wrapLong(4);
        otherValue.wrapLong(40);
        longs.insert(other, otherValue);
      }
    });

    assertThat(visited).containsExactly(1L, 4L, 5L);
  }

  @Test
  void nestedIterationOverAnotherColumnFamilyKeepsTheOuterPosition() {
    DbString name = new DbString();
    DbLong count = new DbLong();
    ColumnFamily<DbString, DbLong> names = db.createColumnFamily(Family.TWO, context, name, count);
    for (String n : List.of("b", "a", "c")) {
      name.wrapString(n);
      count.wrapLong(n.charAt(0));
      names.insert(name, count);
    }
    put(1, 1);
    put(2, 2);
    List<String> seen = new ArrayList<>();

    longs.forEach((k, v) -> {
      long outer = k.getValue();
      names.forEach((n, c) -> {
        seen.add(outer + BufferUtil.bufferAsString(n.getBuffer()));
      });
    });

    assertThat(seen).containsExactly("1a", "1b", "1c", "2a", "2b", "2c");
  }

  /**
   * The engine's scheduled tasks read the state from other threads while the processor commits.
   * Zeebe Process Test's TreeMap failed here with ConcurrentModificationException.
   */
  @Test
  void readersInOtherContextsCanIterateWhileAnotherContextCommits() throws Exception {
    TransactionContext readerContext = db.createContext();
    ColumnFamily<DbLong, DbLong> reader = db.createColumnFamily(Family.ONE, readerContext, new DbLong(), new DbLong());
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger readerPasses = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread readerThread =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (!done.get()) {
                      List<Long> keys = new ArrayList<>();
                      reader.forEach((k, v) -> {
                        keys.add(k.getValue());
                      });
                      assertThat(keys).isSorted();
                      readerPasses.incrementAndGet();
                    }
                  } catch (Throwable t) {
                    failure.set(t);
                  }
                });
    // commit until the reader has iterated many times alongside (bounded, should the reader fail)
    for (int round = 0; round < 2_000 || (readerPasses.get() < 300 && failure.get() == null && round < 5_000_000); round++) {
      ZeebeDbTransaction transaction = context.getCurrentTransaction();
      put(round, round);
      if (round >= 2_000) {
        longs.deleteExisting(longKey(round - 2_000));
      }
      transaction.commit();
    }
    done.set(true);
    readerThread.join();

    assertThat(failure.get()).isNull();
    assertThat(longs.count()).isEqualTo(2_000);
  }

  /**
   * The same random operations against Zeebe Process Test's database and ours give the same
   * answers (without modifications during iteration, where ZPT iterates a copy).
   */
  @Test
  void behavesLikeZeebeProcessTestsDatabaseForTheSameOperations() throws Exception {
    Model ours = new Model(db);
    Model zpt = new Model(new InMemoryDbFactory<Family>().createDb());
    Random random = new Random(20261122);

    for (int i = 0; i < 5_000; i++) {
      int op = random.nextInt(10);
      long a = random.nextInt(8);
      long b = random.nextInt(20) - 5;
      long v = random.nextLong();
      assertThat(ours.apply(op, a, b, v)).as("operation %d (%d, %d, %d)", i, op, a, b).isEqualTo(zpt.apply(op, a, b, v));
    }
    assertThat(ours.apply(8, 0, 0, 0)).isEqualTo(zpt.apply(8, 0, 0, 0));
  }

  /** A column family of (long, long) keys on either database, driven by a small operation code. */
  private static final class Model {
    private final TransactionContext context;
    private final DbLong first = new DbLong();
    private final DbLong second = new DbLong();
    private final DbCompositeKey<DbLong, DbLong> key = new DbCompositeKey<>(first, second);
    private final DbLong value = new DbLong();
    private final ColumnFamily<DbCompositeKey<DbLong, DbLong>, DbLong> family;
    private ZeebeDbTransaction transaction;

    Model(ZeebeDb<Family> db) {
      context = db.createContext();
      family = db.createColumnFamily(Family.ONE, context, key, value);
    }

    String apply(int op, long a, long b, long v) throws Exception {
      first.wrapLong(a);
      second.wrapLong(b);
      value.wrapLong(v);
      try {
        switch (op) {
          case 0, 1 -> family.upsert(key, value);
          case 2 -> family.insert(key, value);
          case 3 -> family.deleteIfExists(key);
          case 4 -> family.deleteExisting(key);
          case 5 -> {
            DbLong found = family.get(key);
            return found == null ? "none" : Long.toString(found.getValue());
          }
          case 6 -> {
            DbLong prefix = new DbLong();
            prefix.wrapLong(a);
            List<String> seen = new ArrayList<>();
            family.whileEqualPrefix(prefix, key, (k, val) -> {
              seen.add(k.first().getValue() + "/" + k.second().getValue() + "=" + val.getValue());
              return seen.size() < 7;
            });
            return seen + " of " + family.countEqualPrefix(prefix);
          }
          case 7 -> {
            if (transaction == null) {
              transaction = context.getCurrentTransaction();
            } else {
              transaction.commit();
              transaction = null;
            }
          }
          case 8 -> {
            List<String> all = new ArrayList<>();
            family.forEach((k, val) -> {
              all.add(k.first().getValue() + "/" + k.second().getValue() + "=" + val.getValue());
            });
            return all.toString();
          }
          default -> {
            if (transaction != null) {
              transaction.rollback();
              transaction = null;
            }
          }
        }
        return "ok";
      } catch (ZeebeDbInconsistentException e) {
        return "inconsistent";
      }
    }
  }

  private List<Long> visitAll(ColumnFamily<DbLong, DbLong> family) {
    List<Long> keys = new ArrayList<>();
    family.forEach((k, v) -> {
      keys.add(k.getValue());
    });
    return keys;
  }

  private void put(long k, long v) {
    longs.upsert(longKey(k), longValue(v));
  }

  private long get(long k) {
    return longs.get(longKey(k)).getValue();
  }

  private DbLong longKey(long k) {
    key.wrapLong(k);
    return key;
  }

  private DbLong longValue(long v) {
    value.wrapLong(v);
    return value;
  }
}
