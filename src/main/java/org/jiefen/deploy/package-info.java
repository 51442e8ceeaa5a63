/**
 * Checking and preparing models before they reach the engine.
 *
 * <p>Every BPMN, DMN and form resource passes {@link org.jiefen.deploy.ModelPreparer}, whether it
 * ships in the jar or an administrator uploads it: administrators' files are untrusted input (XML
 * attacks, wrong file types), and every user task must report to the task list mirror.
 */
package org.jiefen.deploy;
