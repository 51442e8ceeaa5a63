/**
 * Search owns the Elasticsearch side of Jiefen: the client ({@code elasticsearchClient} bean), the local-mode
 * node ({@link org.jiefen.search.LocalElasticsearch}), our index templates and mappings
 * ({@link org.jiefen.search.IndexTemplates}, resources under {@code elasticsearch/}), the Chinese analyzers
 * {@code zh}/{@code zh_search}, and the {@code elasticsearch} health indicator. Other features read and
 * write documents through the client and name indices with
 * {@link org.jiefen.search.ElasticsearchProperties#index(org.jiefen.search.SearchIndex)}.
 */
package org.jiefen.search;
