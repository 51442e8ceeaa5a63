/**
 * The process engine as the rest of the app sees it: the embedded durable engine in local mode,
 * the Camunda client in both modes, the engine's clock, and engine health.
 */
package org.jiefen.engine;
