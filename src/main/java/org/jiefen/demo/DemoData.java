package org.jiefen.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.jiefen.cases.CaseService;
import org.jiefen.cases.NewCase;
import org.jiefen.platform.LocalMode;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.jiefen.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Local mode's demo: a district with two streets of two communities each and four functional
 * departments, users for every role that needs one (password {@code demo} unless configured), and a
 * few cases. Loaded once: an existing unit tree means it was loaded before (units and users the
 * demo gained since are then added, nothing else).
 */
@Component
@LocalMode
@ConditionalOnProperty(name = "jiefen.demo-data", havingValue = "true", matchIfMissing = true)
@Order(30)
class DemoData implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final UnitDirectory units;
  private final UserDirectory users;
  private final CaseService cases;
  private final PasswordEncoder passwords;
  private final ObjectMapper json;
  private final String password;
  private String passwordHash;

  DemoData(
      UnitDirectory units,
      UserDirectory users,
      CaseService cases,
      PasswordEncoder passwords,
      ObjectMapper json,
      @Value("${jiefen.demo-password:demo}") String password) {
    this.units = units;
    this.users = users;
    this.cases = cases;
    this.passwords = passwords;
    this.json = json;
    this.password = password;
  }

  record DemoUser(String username, String displayName, String unitCode, Set<Role> roles, String email) {}

  @Override
  public void run(ApplicationArguments args) throws IOException {
    List<Unit> demoUnits = read("demo/units.json", new TypeReference<List<Unit>>() {});
    List<DemoUser> demoUsers = read("demo/users.json", new TypeReference<List<DemoUser>>() {});
    if (!units.all().isEmpty()) {
      addMissing(demoUnits, demoUsers);
      return;
    }
    units.saveAll(demoUnits);
    users.saveAll(demoUsers.stream().map(this::user).toList());
    List<NewCase> demoCases = read("demo/cases.json", new TypeReference<List<NewCase>>() {});
    AppUser intake = users.find("intake").orElseThrow();
    for (NewCase c : demoCases) {
      cases.register(c, intake);
    }
    LOG.info("demo data loaded: {} units, demo users, {} cases", units.all().size(), demoCases.size());
  }

  /**
   * Demo data loaded by an older version lacks the units and users added since (the departments
   * and their staff): those are added, nothing existing is changed, and no demo case is added.
   */
  private void addMissing(List<Unit> demoUnits, List<DemoUser> demoUsers) {
    List<Unit> missingUnits = demoUnits.stream()
        .filter(u -> units.find(u.code()).isEmpty())
        .filter(u -> u.parentCode() == null || units.find(u.parentCode()).isPresent()
            || demoUnits.stream().anyMatch(p -> p.code().equals(u.parentCode())))
        .toList();
    if (missingUnits.isEmpty()) {
      return; // a tree that has all demo units has had its demo users too
    }
    units.saveAll(missingUnits);
    List<AppUser> missingUsers = demoUsers.stream()
        .filter(u -> users.find(u.username()).isEmpty())
        .map(this::user)
        .toList();
    if (!missingUsers.isEmpty()) {
      users.saveAll(missingUsers);
    }
    LOG.info("demo data completed: {} units and {} users added", missingUnits.size(), missingUsers.size());
  }

  private AppUser user(DemoUser u) {
    return new AppUser(u.username(), u.displayName(), u.unitCode(), u.roles(), u.email(), passwordHash());
  }

  // encoding is deliberately slow: once per start at most
  private String passwordHash() {
    if (passwordHash == null) {
      passwordHash = passwords.encode(password);
    }
    return passwordHash;
  }

  private <T> T read(String path, TypeReference<T> type) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return json.readValue(in, type);
    }
  }
}
