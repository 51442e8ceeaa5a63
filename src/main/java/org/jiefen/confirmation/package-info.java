/**
 * Court confirmation (司法确认) of mediation agreements: which court is competent and what it is
 * called. The process is processes/confirmation/CourtConfirmation.bpmn; the case file keeps its
 * state ({@link org.jiefen.cases.Confirmations}).
 */
package org.jiefen.confirmation;
