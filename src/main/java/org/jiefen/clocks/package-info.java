/**
 * Statutory clocks: their lengths ({@code 15d} calendar days, {@code 5wd} working days), warning
 * rules, the catalog of clocks the law sets ({@code jiefen.clocks.<id>}), and the arithmetic that
 * turns a start into a due instant on the holiday calendar ({@link org.jiefen.clocks.Deadlines}).
 * Pure apart from the catalog's configuration binding; the clocks on a case live in
 * {@code org.jiefen.cases}.
 */
package org.jiefen.clocks;
