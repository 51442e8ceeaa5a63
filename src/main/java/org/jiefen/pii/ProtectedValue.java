package org.jiefen.pii;

/**
 * What the case file stores for one number: the cipher text to reveal it, the masked form to
 * show, and the keyed hash to find it. Safe to log and to index.
 */
public record ProtectedValue(String cipher, String masked, String hash) {}
