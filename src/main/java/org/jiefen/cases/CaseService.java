package org.jiefen.cases;

import java.time.Clock;
import java.util.List;
import org.jiefen.audit.AuditLog;
import org.jiefen.pii.InvalidPiiException;
import org.jiefen.pii.PiiProtector;
import org.jiefen.pii.ProtectedValue;
import org.jiefen.scope.DataScope;
import org.jiefen.units.Unit;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.springframework.security.access.AccessDeniedException;
import org.jiefen.units.UnitDirectory;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.NotFoundProblem;
import org.springframework.stereotype.Service;

@Service
public class CaseService {

  private final CaseRepository cases;
  private final CaseTimeline timeline;
  private final CaseNumbers numbers;
  private final ProcessStarter starter;
  private final UnitDirectory units;
  private final PiiProtector pii;
  private final DataScope scope;
  private final AuditLog audit;
  private final Clock clock;
  private final CaseClocks clocks;
  private final PetitionIntake petitions;

  /** How far back intake looks for the same dispute registered before. */
  private static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofDays(90);

  /** Staff who take in cases; administrators administer and do not register cases. */
  private static final List<Role> REGISTRARS =
      List.of(Role.INTAKE_CLERK, Role.MEDIATOR, Role.PETITION_CLERK, Role.SUPERVISOR, Role.COURT_LIAISON,
          Role.POLICE_LIAISON);

  CaseService(
      CaseRepository cases,
      CaseTimeline timeline,
      CaseNumbers numbers,
      ProcessStarter starter,
      UnitDirectory units,
      PiiProtector pii,
      DataScope scope,
      AuditLog audit,
      Clock clock,
      CaseClocks clocks,
      PetitionIntake petitions) {
    this.clocks = clocks;
    this.petitions = petitions;
    this.scope = scope;
    this.audit = audit;
    this.cases = cases;
    this.timeline = timeline;
    this.numbers = numbers;
    this.starter = starter;
    this.units = units;
    this.pii = pii;
    this.clock = clock;
  }

  /** Whether the user's roles may register cases (the intake page shows its form only to them). */
  static boolean mayRegister(AppUser user) {
    return REGISTRARS.stream().anyMatch(user::has);
  }

  public CaseFile register(NewCase request, AppUser user) {
    if (!mayRegister(user)) {
      throw new AccessDeniedException("role may not register cases");
    }
    CaseKind kind = CaseKind.valueOf(request.kind().toUpperCase());
    Unit unit =
        units.find(request.unitCode()).orElseThrow(() -> new FieldProblem("unitCode", "no such unit"));
    if (!scope.covers(user, unit.code())) {
      throw new AccessDeniedException("unit outside the user's scope");
    }
    if (kind == CaseKind.MEDIATION && unit.isDepartment()) {
      throw new FieldProblem("unitCode", "is a department (职能部门): disputes are mediated at administrative units");
    }
    String username = user.username();
    List<CaseFile.StoredParty> parties = protect(request.parties());
    var now = clock.instant();
    // Numbers typed into free text are masked at the door: the party fields are where full ID and
    // phone numbers belong (encrypted); the title and description are shown, mailed and searched.
    String title = org.jiefen.pii.Masking.maskText(request.title().strip());
    String description =
        request.description() == null ? "" : org.jiefen.pii.Masking.maskText(request.description().strip());
    PetitionIntake.Prepared petition = kind == CaseKind.PETITION
        ? petitions.prepare(request, parties, title + "\n" + description, user, now)
        : null;
    List<String> duplicates = petition != null ? petition.earlier()
        : cases.similar(request.kind(), hashes(parties), title + "\n" + description, now.minus(DUPLICATE_WINDOW));
    // A petition lists the earlier ones as linked at once (repeat petitions are counted, and the
    // triage clerk needs them); a mediation waits for the intake clerk to link a duplicate or proceed.
    List<String> links = petition != null ? duplicates : List.of();
    // A report naming the accused must be searchable before its tasks exist: their task lists exclude it.
    boolean searchable = petition != null && !petition.petition().accusedHashes().isEmpty();
    CaseFile file;
    do {
      file =
          new CaseFile(
              numbers.caseId(kind),
              numbers.queryCode(),
              request.kind(),
              title,
              description,
              request.category(),
              request.amount(),
              request.channel(),
              unit.code(),
              unit.path(),
              CaseStatus.REGISTERED,
              unit.level().name(),
              unit.code(),
              null,
              username,
              user.unitCode(),
              now,
              now,
              parties,
              duplicates,
              links,
              null,
              null,
              null,
              null,
              null,
              List.of(),
              List.of(),
              null,
              petition == null ? null : petition.petition(),
              List.of(),
              null);
    } while (!cases.create(file, searchable));
    timeline.recordUnseen(file.id(), "registered", "CASE_REGISTERED", file.title(), username, unit.code(),
        petition == null ? null : petition.record());
    if (petition != null) {
      petitions.recordRepeats(file, petition);
    }
    if (!starter.start(file)) {
      // its PROCESS_STARTED event would have waited for the index; the registration's must show anyway
      timeline.makeVisible();
    }
    return cases.find(file.id()).orElse(file);
  }

  private static List<String> hashes(List<CaseFile.StoredParty> parties) {
    return parties.stream()
        .flatMap(p -> java.util.stream.Stream.of(p.idHash(), p.phoneHash()))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The case as a reader in scope sees it (404 otherwise); callers audit the read as {@code CaseController} does. */
  public CaseView view(String id, AppUser user) {
    CaseFile file = file(id, user);
    List<CaseEvent> events = timeline.of(id);
    List<CaseFile> earlier = files(file.duplicates());
    List<String> duplicates = visibleOf(earlier, user);
    List<String> links = file.links() == null || file.links().equals(file.duplicates())
        ? duplicates
        : visible(file.links(), user);
    PetitionView petition = file.petition() == null ? null : PetitionView.of(file.petition(), events, earlier,
        visibleOf(earlier.stream().filter(c -> c.petition() != null && c.petition().closedFinal()).toList(), user));
    return CaseView.of(file, duplicates, links, petition, events, clocks.views(file));
  }

  /**
   * A case outside the user's scope does not exist for them: 404, so existence does not leak.
   * The refusal is still audited, as any other.
   */
  CaseFile file(String id, AppUser user) {
    CaseFile file = cases.find(id).orElseThrow(() -> new NotFoundProblem("no case " + id));
    if (!scope.sees(user, CaseScope.of(file))) {
      audit.denied("case " + id + " outside the user's scope"); // audit
      throw new NotFoundProblem("no case " + id);
    }
    return file;
  }

  /**
   * The ids of those cases the user may see, in order. Lists of other cases shown with a case
   * (possible duplicates, links) leave out the rest: a confidential report must not show even that
   * it exists to someone outside it.
   */
  List<String> visible(List<String> ids, AppUser user) {
    return visibleOf(files(ids), user);
  }

  private List<String> visibleOf(List<CaseFile> files, AppUser user) {
    return files.stream().filter(c -> scope.sees(user, CaseScope.of(c))).map(CaseFile::id).toList();
  }

  private List<CaseFile> files(List<String> ids) {
    return ids == null ? List.of() : ids.stream().map(cases::find).flatMap(java.util.Optional::stream).toList();
  }

  private List<CaseFile.StoredParty> protect(List<NewCase.Party> parties) {
    return java.util.stream.IntStream.range(0, parties.size())
        .mapToObj(
            i -> {
              NewCase.Party p = parties.get(i);
              boolean applicant = "applicant".equals(p.role());
              ProtectedValue id = protect("parties[" + i + "].idNumber", p.idNumber(), applicant, true);
              ProtectedValue phone = protect("parties[" + i + "].phone", p.phone(), applicant, false);
              return new CaseFile.StoredParty(
                  p.name().strip(),
                  p.role(),
                  id == null ? null : id.masked(),
                  id == null ? null : id.cipher(),
                  id == null ? null : id.hash(),
                  phone == null ? null : phone.masked(),
                  phone == null ? null : phone.cipher(),
                  phone == null ? null : phone.hash(),
                  p.email());
            })
        .toList();
  }

  /** Applicants must give ID and phone (the query code needs the phone); others may leave them out. */
  private ProtectedValue protect(String field, String raw, boolean required, boolean isId) {
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw new FieldProblem(field, "is required for an applicant");
      }
      return null;
    }
    try {
      return isId ? pii.protectId(raw) : pii.protectPhone(raw);
    } catch (InvalidPiiException e) {
      throw new FieldProblem(field, e.getMessage());
    }
  }
}
