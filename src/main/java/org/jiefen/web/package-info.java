/** HTTP concerns shared by every feature: RFC 9457 problem bodies and the exceptions that map to them. */
package org.jiefen.web;
