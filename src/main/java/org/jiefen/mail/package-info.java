/**
 * Outgoing mail: the durable {@link org.jiefen.mail.Outbox} (queued in Elasticsearch, delivered by
 * the dispatcher with backoff, one mail per event and recipient), its health, and in local mode the
 * SMTP server (GreenMail) and its dev mailbox. What to mail and to whom is decided in
 * workers/notification.
 */
package org.jiefen.mail;
