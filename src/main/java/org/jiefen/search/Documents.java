package org.jiefen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What every repository does with the Elasticsearch client: calls whose I/O failures are
 * unchecked (the caller cannot do better than fail the request or the job, which retries), reads
 * by id, and the documents of a search.
 */
public final class Documents {

  /** A client call that may fail with I/O. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws IOException;
  }

  private Documents() {}

  public static <T> T unchecked(Call<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document with this id, if the index has it (a real-time read, no refresh needed). */
  public static <T> Optional<T> find(ElasticsearchClient es, String index, String id, Class<T> type) {
    var response = unchecked(() -> es.get(g -> g.index(index).id(id), type));
    return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
  }

  public static <T> List<T> sources(SearchResponse<T> response) {
    return response.hits().hits().stream().map(Hit::source).toList();
  }
}
