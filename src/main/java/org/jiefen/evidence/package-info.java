/**
 * Evidence attachments (证据材料): files parties bring (photos, PDFs), attached to a case by the
 * staff working it. Accepted by content only (PDF, JPEG, PNG), stored encrypted in the document
 * store, listed in the case file, audited on every upload and download.
 */
package org.jiefen.evidence;
