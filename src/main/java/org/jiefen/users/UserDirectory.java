package org.jiefen.users;

import static org.jiefen.search.Documents.sources;
import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/** Users, stored in Elasticsearch. */
@Service
public class UserDirectory {

  private final ElasticsearchClient es;
  private final Indices indices;

  public UserDirectory(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  public Optional<AppUser> find(String username) {
    return Documents.find(es, indices.users(), username, StoredUser.class).map(StoredUser::toUser);
  }

  public List<AppUser> all() {
    return users(
        unchecked(
            () ->
                es.search(
                    s -> s.index(indices.users()).size(10_000).sort(o -> o.field(f -> f.field("username"))),
                    StoredUser.class)));
  }

  /** Users holding a role at exactly this unit. */
  public List<AppUser> withRole(Role role, String unitCode) {
    return users(
        unchecked(
            () ->
                es.search(
              s ->
                  s.index(indices.users())
                      .size(100)
                      .query(
                          q ->
                              q.bool(
                                  b ->
                                      b.filter(f -> f.term(t -> t.field("unitCode").value(unitCode)))
                                          .filter(f -> f.term(t -> t.field("roles").value(role.name()))))),
                    StoredUser.class)));
  }

  private static List<AppUser> users(co.elastic.clients.elasticsearch.core.SearchResponse<StoredUser> response) {
    return sources(response).stream().map(StoredUser::toUser).toList();
  }

  public void saveAll(List<AppUser> users) {
    try {
      es.bulk(
          b -> {
            b.refresh(Refresh.True); // rare administrative writes: visible at once
            for (AppUser u : users) {
              b.operations(
                  BulkOperation.of(
                      o -> o.index(i -> i.index(indices.users()).id(u.username()).document(StoredUser.of(u)))));
            }
            return b;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored form, which (unlike the API form) keeps the password hash. */
  record StoredUser(
      String username,
      String displayName,
      String unitCode,
      java.util.Set<Role> roles,
      String email,
      String passwordHash,
      String locale) {
    static StoredUser of(AppUser u) {
      return new StoredUser(
          u.username(), u.displayName(), u.unitCode(), u.roles(), u.email(), u.passwordHash(), u.locale());
    }

    AppUser toUser() {
      return new AppUser(username, displayName, unitCode, roles, email, passwordHash, locale);
    }
  }
}
