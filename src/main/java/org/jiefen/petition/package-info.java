/**
 * Petitions (信访): which units a petition office may send a matter to, and which unit is above
 * another for review, re-review and supervision. The case file side of petitions lives in
 * {@code org.jiefen.cases} (PetitionRouting, PetitionSupervisions, PetitionRatings,
 * MediationReferrals); the job workers in {@code org.jiefen.workers.petition}.
 */
package org.jiefen.petition;
