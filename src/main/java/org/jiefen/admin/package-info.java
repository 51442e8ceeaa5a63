/**
 * The administrators' workbench: process models, decision tables and forms edited, checked and
 * deployed in the browser (drafts, differences, our deploy rules, rollback). Reference data pages
 * (units, users, calendar, templates, retention) live in their own feature packages and are linked
 * from {@link org.jiefen.admin.AdminPage}.
 */
package org.jiefen.admin;
