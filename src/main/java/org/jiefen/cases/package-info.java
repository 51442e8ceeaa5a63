/**
 * The case file: registration, parties (with protected ID and phone numbers), status, and the
 * timeline of events. Owns the cases and events indices; starts the process for a case's kind.
 */
package org.jiefen.cases;
