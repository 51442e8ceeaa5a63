/**
 * People's mediation across three levels: the settings (attempts per level, level deadline,
 * warning, follow-up delay), how a case moves between the levels of the unit tree, and the
 * variables a mediation process starts with. The model itself is processes/mediation/; its job
 * workers are in workers/…/mediation.
 */
package org.jiefen.mediation;
