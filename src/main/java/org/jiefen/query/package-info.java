/**
 * The citizen query (群众查询): anyone with a case's query code (on the receipt) and the last four
 * digits of their mobile number sees where the case stands and its next step, nothing else.
 * Guessing is throttled and every query is audited without personal data.
 */
package org.jiefen.query;
