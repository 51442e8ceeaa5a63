/**
 * KPIs (考核指标) per unit and period: the facts each case contributes to its search document
 * ({@link org.jiefen.kpi.KpiFacts}, fields {@code kpi.*} of {@code case-search}), the figures
 * computed from them with Elasticsearch aggregations within the user's data scope ({@link
 * org.jiefen.kpi.Kpis}), the page {@code /kpi} with its tables and charts, the CSV and XLSX exports
 * and the JSON API {@code /api/v1/kpi}. The definitions of every figure are in {@link
 * org.jiefen.kpi.KpiFacts} and docs/architecture.md ("KPIs").
 */
package org.jiefen.kpi;
