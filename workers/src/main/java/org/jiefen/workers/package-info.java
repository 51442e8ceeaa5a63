/**
 * Job workers, one package per capability. Each maps job variables, calls a service of the app
 * and returns a result; expected outcomes are BPMN errors, technical failures are job failures
 * retried with backoff, and every side effect is idempotent on a business key.
 */
package org.jiefen.workers;
