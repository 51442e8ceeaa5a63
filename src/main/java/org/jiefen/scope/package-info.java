/**
 * Data scope: which cases and tasks a user may see and act on, decided on the server for every
 * endpoint and every search. A user sees their own unit and the units below it; a supervisor also
 * sees cases currently addressed to their unit.
 */
package org.jiefen.scope;
