/**
 * Jiefen's durable variant of the Zeebe Process Test in-memory engine.
 *
 * <p>These classes live in ZPT's package because the engine's wiring classes (log storage,
 * command writer, gRPC gateway) are package-private there. Only local mode uses them; production
 * runs against a Camunda 8 cluster.
 */
package io.camunda.zeebe.process.test.engine;
