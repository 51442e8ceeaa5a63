package org.jiefen.clocks;

/**
 * A clock of the catalog: its id ({@code court-decision}), what users read ({@code label}), the
 * legal source ({@code basis}), its length, when it warns (null: no warning), whether a last day
 * that is a day off moves to the next working day ({@code rollOver}, 民事诉讼法 Art. 85), and how
 * much it may be extended in all (null: not at all).
 */
public record ClockDefinition(
    String id,
    String label,
    String basis,
    ClockLength length,
    WarningRule warning,
    boolean rollOver,
    ClockLength maxExtension) {}
