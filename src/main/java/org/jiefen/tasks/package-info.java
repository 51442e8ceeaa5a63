/**
 * The task list: an Elasticsearch mirror of the engine's user tasks, kept by the task listener
 * workers, and the claim/unclaim/complete actions, which go to the engine through one port
 * ({@link org.jiefen.tasks.UserTaskCommands}).
 */
package org.jiefen.tasks;
