/**
 * The embedded engine's state store: Zeebe's key-value state (what RocksDB holds in a broker) kept
 * in sorted in-memory maps, with transactions, for {@code DurableEngine}. Replaces Zeebe Process
 * Test's in-memory database, whose iterators copied the whole state for every prefix scan.
 */
package org.jiefen.engine.state;
