package org.jiefen.engine.state;

import io.camunda.zeebe.db.TransactionContext;
import io.camunda.zeebe.db.TransactionOperation;
import io.camunda.zeebe.db.ZeebeDbInconsistentException;
import io.camunda.zeebe.db.ZeebeDbTransaction;

/**
 * One context per user of the state (the stream processor, each scheduled task's state), each with
 * its own transaction. An operation outside an open transaction runs in one of its own, committed
 * when it returns; inside one it becomes part of it.
 */
final class MemoryTransactionContext implements TransactionContext {

  private final MemoryTransaction transaction;

  MemoryTransactionContext(MemoryTransaction transaction) {
    this.transaction = transaction;
  }

  @Override
  public void runInTransaction(TransactionOperation operation) {
    try {
      if (transaction.isOpen()) {
        operation.run();
      } else {
        runInNewTransaction(operation);
      }
    } catch (ZeebeDbInconsistentException e) {
      throw e;
    } catch (Exception e) {
      // the same wrapping as Zeebe's own contexts, so the engine's error handling sees the same
      throw new RuntimeException("Unexpected error occurred during zeebe db transaction operation.", e);
    }
  }

  private void runInNewTransaction(TransactionOperation operation) throws Exception {
    transaction.begin();
    try {
      operation.run();
      transaction.commit();
    } catch (Exception e) {
      transaction.rollback();
      throw e;
    }
  }

  /** The open transaction, or a new one (the caller commits or rolls it back). */
  @Override
  public ZeebeDbTransaction getCurrentTransaction() {
    if (!transaction.isOpen()) {
      transaction.begin();
    }
    return transaction;
  }
}
