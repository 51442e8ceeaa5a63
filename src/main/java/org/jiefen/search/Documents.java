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

  /**
   * Whether a failed call was a version conflict (409): an op_type create of an existing id, or a
   * write conditional on a sequence number that moved. The REST transport of the 8.19 client
   * surfaces some statuses as {@link co.elastic.clients.elasticsearch._types.ElasticsearchException}
   * and a 409 as the low-level {@link org.elasticsearch.client.ResponseException} (an IOException,
   * possibly wrapped by {@link #unchecked}); both count.
   */
  public static boolean conflict(Throwable e) {
    return hasStatus(e, 409);
  }

  /**
   * Runs a delete: true when a document was deleted, false when there was none (404, however the
   * client reports it: a result of not_found or an exception, as for {@link #conflict}).
   */
  public static boolean deleted(Call<co.elastic.clients.elasticsearch.core.DeleteResponse> call) {
    try {
      return "deleted".equals(unchecked(call).result().jsonValue());
    } catch (RuntimeException e) {
      if (hasStatus(e, 404)) {
        return false;
      }
      throw e;
    }
  }

  /** Whether a failed call found no document or index (404), however the client reports it. */
  public static boolean notFound(Throwable e) {
    return hasStatus(e, 404);
  }

  private static boolean hasStatus(Throwable e, int status) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException es && es.status() == status) {
        return true;
      }
      if (t instanceof org.elasticsearch.client.ResponseException r && r.getResponse().getStatusLine().getStatusCode() == status) {
        return true;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return false;
  }


  /** Runs a write; false when it lost to a version conflict, true when it was applied. */
  public static boolean unlessConflict(Call<?> call) {
    try {
      call.run();
      return true;
    } catch (IOException | RuntimeException e) {
      if (conflict(e)) {
        return false;
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw (RuntimeException) e;
    }
  }

  public static <T> List<T> sources(SearchResponse<T> response) {
    return response.hits().hits().stream().map(Hit::source).toList();
  }
}
