package org.jiefen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directories of a local node and the user it runs as. Elasticsearch refuses to run as root, so under
 * uid 0 the node runs as {@code nobody}; then everything it touches must be reachable by that user, which
 * a checkout under /root (mode 0700) is not. Rather than fail, such a node lives under /var/tmp instead.
 */
final class NodeLayout {

  private static final Logger log = LoggerFactory.getLogger(NodeLayout.class);
  static final Path FALLBACK_ROOT = Path.of("/var/tmp/jiefen-elasticsearch");

  final Path home;
  /** Holds data/, logs/, config/, tmp/ and is the node's working directory (gc.log, heap dumps). */
  final Path work;
  /** Where we write: the pid file and console.log, always under the configured data directory. */
  final Path own;
  final boolean asNobody;

  private NodeLayout(Path home, Path work, Path own, boolean asNobody) {
    this.home = home;
    this.work = work;
    this.own = own;
    this.asNobody = asNobody;
  }

  static NodeLayout prepare(Path distribution, Path ownDir) {
    Path own = ownDir.toAbsolutePath().normalize();
    create(own.resolve("logs"));
    boolean asNobody = isRoot();
    Path home = distribution;
    Path work = own;
    if (asNobody) {
      if (!reachableByOthers(home) || !Files.isExecutable(home.resolve("bin/elasticsearch"))) {
        allowOthersToEnter(FALLBACK_ROOT);
        home = FALLBACK_ROOT.resolve(distribution.getFileName());
        log.warn("Elasticsearch runs as nobody, who cannot reach {}; using a copy in {}", distribution, home);
        copyOnce(distribution, home);
      }
      if (!reachableByOthers(own.getParent())) {
        allowOthersToEnter(FALLBACK_ROOT);
        work = FALLBACK_ROOT.resolve("node-" + shortHash(own.toString()));
        log.warn("Elasticsearch runs as nobody, who cannot reach {} (a parent directory is not world-executable);"
            + " its data lives in {} instead", own, work);
        writeString(own.resolve("DATA-IS-ELSEWHERE.txt"),
            "Elasticsearch runs as nobody and cannot reach this directory; its data is in " + work + "\n");
      }
    }
    for (String sub : new String[] {"data", "logs", "tmp"}) {
      create(work.resolve(sub));
    }
    // ES writes elasticsearch.keystore into its config dir on first start, so it gets a private, writable copy
    syncConfig(home.resolve("config"), work.resolve("config"));
    if (asNobody) {
      chownToNobody(work);
    }
    return new NodeLayout(home, work, own, asNobody);
  }

  Path console() {
    return own.resolve("logs/console.log");
  }

  Path pidFile() {
    return own.resolve("elasticsearch.pid");
  }

  /** Wraps the command so it runs as nobody when we are root. */
  List<String> command(List<String> command) {
    if (!asNobody) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=" + nobodyGroup(),
        "--clear-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  static boolean isRoot() {
    try {
      // /proc/self belongs to the effective uid of the process looking at it
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** True if every directory from / down to {@code dir} lets others traverse it (and dir itself exists). */
  static boolean reachableByOthers(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(abs)) {
      return reachableByOthers(abs.getParent());
    }
    for (Path p = abs; p != null; p = p.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return true;
  }

  private static String nobodyGroup() {
    return Files.exists(Path.of("/etc/group")) && readString(Path.of("/etc/group")).contains("\nnogroup:")
        ? "nogroup" : "nobody";
  }

  private static void chownToNobody(Path root) {
    try {
      var lookup = root.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal user = lookup.lookupPrincipalByName("nobody");
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(nobodyGroup());
      try (var paths = Files.walk(root)) {
        for (Path p : (Iterable<Path>) paths::iterator) {
          var view = Files.getFileAttributeView(p, PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
          view.setOwner(user);
          view.setGroup(group);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand " + root + " to user nobody", e);
    }
  }

  private static void syncConfig(Path from, Path to) {
    try {
      try (var paths = Files.walk(from)) {
        for (Path src : (Iterable<Path>) paths::iterator) {
          Path dst = to.resolve(from.relativize(src).toString());
          if (Files.isDirectory(src)) {
            Files.createDirectories(dst);
          } else {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy Elasticsearch config from " + from + " to " + to, e);
    }
  }

  private static void copyOnce(Path from, Path to) {
    Path marker = to.resolve(".complete");
    if (Files.exists(marker)) {
      return;
    }
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.COPY_ATTRIBUTES);
          return FileVisitResult.CONTINUE;
        }
      });
      openUp(to);
      Files.createFile(marker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the Elasticsearch distribution to " + to, e);
    }
  }

  /** Adds r, and x where the owner has x, for others: nobody must read and run a root-owned tree. */
  private static void openUp(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        var perms = Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        perms.add(PosixFilePermission.OTHERS_READ);
        if (perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
          perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        Files.setPosixFilePermissions(p, perms);
      }
    }
  }

  private static void allowOthersToEnter(Path dir) {
    create(dir);
    try {
      var perms = Files.getPosixFilePermissions(dir);
      perms.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(dir, perms);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + dir + " to user nobody", e);
    }
  }

  private static String shortHash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void create(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }

  private static void writeString(Path p, String s) {
    try {
      Files.writeString(p, s);
    } catch (IOException e) {
      log.debug("cannot write {}", p, e);
    }
  }
}
