/**
 * Data scope: which cases and tasks a user may see and act on, decided on the server for every
 * endpoint and every search. A user sees their own unit and the units below it, and cases currently
 * addressed to their unit; a petition's accused never see it; a confidential petition is seen only
 * by those in charge of it (see {@link org.jiefen.scope.DataScope}).
 */
package org.jiefen.scope;
