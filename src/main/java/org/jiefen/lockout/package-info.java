/**
 * Login lockout: too many failed sign-ins for a username within a window lock it for a while, on
 * every instance of the app (the counts live in the login-attempts index). Owns that index.
 */
package org.jiefen.lockout;
