package org.jiefen.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The one directory under which local mode keeps its state (engine log, clock, Elasticsearch data, keys). */
@Component
public class DataDirectory {

  private final Path root;

  public DataDirectory(@Value("${jiefen.data-dir:./data}") String dataDir) {
    this.root = Path.of(dataDir).toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** Resolves a sub-directory and creates it if missing. */
  public Path dir(String name) {
    Path dir = root.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
    return dir;
  }
}
