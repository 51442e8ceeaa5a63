package org.jiefen.units;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * The organisational tree. It is small (a county has hundreds of units), so it is read whole from
 * Elasticsearch and kept in memory; writes go to the index first.
 */
@Service
public class UnitDirectory {

  private final ElasticsearchClient es;
  private final Indices indices;
  private volatile Map<String, Unit> units = Map.of();

  public UnitDirectory(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  public List<Unit> all() {
    if (units.isEmpty()) {
      reload();
    }
    return List.copyOf(units.values());
  }

  public Optional<Unit> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    if (!units.containsKey(code)) {
      reload();
    }
    return Optional.ofNullable(units.get(code));
  }

  /** The unit one level up that exists in the tree, if any. */
  public Optional<Unit> parent(Unit unit) {
    return find(unit.parentCode());
  }

  /**
   * The administrative unit a unit belongs to: itself, or for a functional department the
   * government unit it is a department of. Walks through the tree (mediation levels, court seats)
   * start here, so a department is never one of their steps.
   */
  public Optional<Unit> administrative(String code) {
    Optional<Unit> unit = find(code);
    while (unit.isPresent() && unit.get().isDepartment()) {
      unit = parent(unit.get());
    }
    return unit;
  }

  /** Saves units (parents first), computing their paths. */
  public void saveAll(List<Unit> input) {
    Map<String, Unit> known = new LinkedHashMap<>(units);
    List<Unit> saved = new ArrayList<>();
    for (Unit u : input) {
      List<String> path = new ArrayList<>();
      Unit parent = u.parentCode() == null ? null : known.get(u.parentCode());
      if (parent != null) {
        path.addAll(parent.path());
      }
      path.add(u.code());
      Unit withPath =
          new Unit(u.code(), u.name(), u.level(), u.levelName(), u.parentCode(), List.copyOf(path), u.type());
      known.put(u.code(), withPath);
      saved.add(withPath);
    }
    try {
      es.bulk(
          b -> {
            b.refresh(Refresh.True); // rare administrative writes: visible at once
            for (Unit u : saved) {
              b.operations(BulkOperation.of(o -> o.index(i -> i.index(indices.units()).id(u.code()).document(u))));
            }
            return b;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    reload();
  }

  public synchronized void reload() {
    Map<String, Unit> loaded = new LinkedHashMap<>();
    Documents.sources(Documents.unchecked(() -> es.search(s -> s.index(indices.units()).size(10_000), Unit.class)))
        .stream()
        .sorted(Comparator.comparing(Unit::code))
        .forEach(u -> loaded.put(u.code(), u));
    units = loaded;
  }
}
