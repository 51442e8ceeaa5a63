/**
 * Personal data of parties: ID card and mobile numbers.
 *
 * <p>Owns validation and normalisation, masking (also of log output), encryption at rest and the
 * keyed hash used for exact lookup. Raw numbers leave this package only through {@link
 * org.jiefen.pii.PiiProtector#reveal(String)}; everything stored holds a {@link
 * org.jiefen.pii.ProtectedValue}. Zeebe never sees any of it.
 */
package org.jiefen.pii;
