/** Outgoing mail: the local SMTP server (GreenMail) and its dev mailbox. Senders are in workers/notification. */
package org.jiefen.mail;
