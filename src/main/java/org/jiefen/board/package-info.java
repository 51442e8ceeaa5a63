/**
 * The supervision board (督办看板): a supervisor's open cases by due state (三色预警) across their
 * unit and the units below it, the supervision orders addressed to their unit, and the unit tree
 * coloured by its worst case. Reads only; the data scope decides what counts.
 */
package org.jiefen.board;
