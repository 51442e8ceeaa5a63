/**
 * Camunda (form-js) forms on the server: {@link org.jiefen.forms.FormSchema} reads a form's rules,
 * {@link org.jiefen.forms.FormValidator} checks a task submission against them and picks out the
 * process fields ({@code "properties": {"process": "true"}}), the only values that go to the
 * engine; {@link org.jiefen.forms.FormRegistry} holds the current schema of every deployed form.
 * Owns the forms index.
 */
package org.jiefen.forms;
