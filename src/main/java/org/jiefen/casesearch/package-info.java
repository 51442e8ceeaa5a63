/**
 * Search over open and archived cases: one search document per case in the {@code case-search}
 * index (behind an alias, so it can be rebuilt and swapped without downtime), projected from the
 * case file and the archive record; Chinese full text, filters, facets, highlight, deep paging and
 * exact lookup, always within the user's data scope. Other features add fields through
 * {@link org.jiefen.casesearch.CaseSearchContributor}.
 */
package org.jiefen.casesearch;
