package org.jiefen.admin;

import io.camunda.client.api.response.DeploymentEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.deploy.DeployRules;
import org.jiefen.deploy.Finding;
import org.jiefen.deploy.ModelChange;
import org.jiefen.deploy.ModelDeployment;
import org.jiefen.deploy.ModelDiff;
import org.jiefen.deploy.ModelHistory;
import org.jiefen.deploy.ModelIds;
import org.jiefen.deploy.ModelKind;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.deploy.ModelRefusedException;
import org.jiefen.deploy.PreparedResource;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.UnavailableProblem;
import org.springframework.stereotype.Service;

/**
 * The model workbench: every deployed model with its versions and running instances, drafts, the
 * checks and differences shown before a deploy, the deploy itself and rollback. Pages and the API
 * both go through here; every path to the engine is {@link ModelDeployment}, after the
 * {@link ModelPreparer} and our {@link DeployRules}. The Camunda linter runs in the editor (it is a
 * JavaScript library) and in the build over the shipped models.
 */
@Service
public class Workbench {

  /** A deployed version as the list shows it. */
  public record VersionRow(int version, long key, Instant deployedAt, String deployedBy, String hash, long running) {}

  /** A draft without its content. */
  public record DraftInfo(Integer basedOnVersion, String savedBy, Instant savedAt, String sha256) {}

  /** One model: its versions (newest first) and the draft, if any. */
  public record Entry(ModelKind kind, String modelId, String resourceName, List<VersionRow> versions, DraftInfo draft) {
    public VersionRow latest() {
      return versions.isEmpty() ? null : versions.get(0);
    }

    public long running() {
      return versions.stream().mapToLong(VersionRow::running).sum();
    }
  }

  /** A model opened for editing: a version's content, or the draft's. */
  public record Opened(Entry entry, Integer version, boolean fromDraft, String content) {}

  /** What a check found, and what changed against the newest deployed version. */
  public record CheckReport(Integer baseVersion, List<Finding> errors, List<Finding> warnings, List<ModelChange> changes) {
    public boolean passes() {
      return errors.isEmpty();
    }
  }

  /** A deployment the engine accepted; {@code unchanged} when it kept the newest version as it was. */
  public record Deployed(ModelKind kind, String modelId, int version, long key, String sha256, boolean unchanged) {}

  /** A deploy refused by the checks: the findings say where. */
  public static class CheckFailed extends RuntimeException {
    private final CheckReport report;

    CheckFailed(CheckReport report) {
      super(report.errors().size() + " error(s): " + report.errors().get(0).message());
      this.report = report;
    }

    public CheckReport report() {
      return report;
    }
  }

  private final ModelHistory history;
  private final ModelDrafts drafts;
  private final RunningInstances running;
  private final ModelPreparer preparer;
  private final DeployRules rules;
  private final ModelDeployment deployment;
  private final AuditLog audit;
  private final Clock clock;

  Workbench(
      ModelHistory history,
      ModelDrafts drafts,
      RunningInstances running,
      ModelPreparer preparer,
      DeployRules rules,
      ModelDeployment deployment,
      AuditLog audit,
      Clock clock) {
    this.history = history;
    this.drafts = drafts;
    this.running = running;
    this.preparer = preparer;
    this.rules = rules;
    this.deployment = deployment;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every deployed model, processes first, by id. */
  public List<Entry> models() {
    Map<Long, Long> counts = running.byDefinitionKey();
    Map<String, DraftInfo> byModel =
        drafts.all().stream().collect(Collectors.toMap(ModelDrafts.Draft::id, Workbench::info, (a, b) -> a));
    Map<String, List<ModelHistory.Version>> grouped = new LinkedHashMap<>();
    for (ModelHistory.Version v : history.all()) {
      grouped.computeIfAbsent(ModelDrafts.id(v.kind(), v.modelId()), k -> new ArrayList<>()).add(v);
    }
    return grouped.entrySet().stream()
        .map(e -> entry(e.getValue(), counts, byModel.get(e.getKey())))
        .sorted(Comparator.comparing(Entry::kind).thenComparing(Entry::modelId))
        .toList();
  }

  public Optional<Entry> model(ModelKind kind, String modelId) {
    List<ModelHistory.Version> versions = history.versions(kind, modelId);
    if (versions.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, Long> counts = kind == ModelKind.BPMN ? running.byDefinitionKey() : Map.of();
    return Optional.of(entry(versions, counts, drafts.find(kind, modelId).map(Workbench::info).orElse(null)));
  }

  /**
   * Opens a model: the given version, or without one the draft if there is one, else the newest version.
   *
   * @throws NotFoundProblem for an unknown model or version
   */
  public Opened open(ModelKind kind, String modelId, Integer version) {
    Entry entry = model(kind, modelId).orElseThrow(() -> new NotFoundProblem("no model " + modelId));
    if (version == null) {
      Optional<ModelDrafts.Draft> draft = drafts.find(kind, modelId);
      if (draft.isPresent()) {
        return new Opened(entry, draft.get().basedOnVersion(), true, draft.get().content());
      }
      version = entry.latest().version();
    }
    return new Opened(entry, version, false, content(kind, modelId, version));
  }

  /** The deployed content of one version. */
  public String content(ModelKind kind, String modelId, int version) {
    return history.versions(kind, modelId).stream()
        .filter(v -> v.version() == version)
        .findFirst()
        .flatMap(history::content)
        .orElseThrow(() -> new NotFoundProblem("no version " + version + " of " + modelId));
  }

  /**
   * Keeps unfinished work: the content must be safe to store (size, type, no DOCTYPE), not correct.
   *
   * @throws ModelRefusedException when it is not safe
   */
  public DraftInfo saveDraft(ModelKind kind, String modelId, String content, Integer basedOnVersion, String user) {
    Entry entry = model(kind, modelId).orElseThrow(() -> new NotFoundProblem("no model " + modelId));
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    preparer.checkSafe(entry.resourceName(), bytes);
    String sha = PreparedResource.sha256(bytes);
    Integer base = basedOnVersion != null ? basedOnVersion : entry.latest().version();
    drafts.save(new ModelDrafts.Draft(ModelDrafts.id(kind, modelId), kind, modelId, base, user, clock.instant(), sha, content));
    audit.recordAs(user, null, AuditAction.MODEL_DRAFT_SAVED, AuditOutcome.SUCCESS, null, // audit
        label(kind, modelId), "sha256 " + sha);
    return new DraftInfo(base, user, clock.instant(), sha);
  }

  public void discardDraft(ModelKind kind, String modelId) {
    drafts.delete(kind, modelId);
  }

  /** The checks a deploy would run, and what changed against the newest version. Changes nothing. */
  public CheckReport check(ModelKind kind, String modelId, String content) {
    Entry entry = model(kind, modelId).orElseThrow(() -> new NotFoundProblem("no model " + modelId));
    return check(entry, content.getBytes(StandardCharsets.UTF_8)).report();
  }

  /**
   * Checks and deploys a new version of an existing model, and drops its draft.
   *
   * @throws CheckFailed with the findings when a check fails (audited)
   * @throws UnavailableProblem when the engine does not answer
   */
  public Deployed deploy(ModelKind kind, String modelId, String content, String user) {
    Entry entry = model(kind, modelId).orElseThrow(() -> new NotFoundProblem("no model " + modelId));
    Deployed deployed = deployChecked(entry, content.getBytes(StandardCharsets.UTF_8), user);
    drafts.delete(kind, modelId);
    return deployed;
  }

  /**
   * Deploys a file uploaded through the API: a new model or a new version of one, named by the ids
   * inside it.
   */
  public Deployed upload(String fileName, byte[] bytes, String user) {
    PreparedResource prepared = prepareOrFail(fileName, bytes);
    List<String> ids = ModelIds.of(prepared);
    Entry entry =
        model(prepared.kind(), ids.get(0))
            .orElseGet(() -> new Entry(prepared.kind(), ids.get(0), fileName, List.of(), null));
    return deployChecked(entry, bytes, user);
  }

  /**
   * Deploys an earlier version again as the newest. Running instances stay on their versions; new
   * cases start on this one. The old content passes today's checks like any other deploy.
   */
  public Deployed rollback(ModelKind kind, String modelId, int version, String user) {
    Entry entry = model(kind, modelId).orElseThrow(() -> new NotFoundProblem("no model " + modelId));
    String content = content(kind, modelId, version);
    Deployed deployed = deployChecked(entry, content.getBytes(StandardCharsets.UTF_8), user);
    audit.recordAs(user, null, AuditAction.MODEL_ROLLED_BACK, AuditOutcome.SUCCESS, null, // audit
        label(kind, modelId) + ":" + deployed.version(), "content of version " + version + ", sha256 " + deployed.sha256());
    return deployed;
  }

  private PreparedResource prepareOrFail(String fileName, byte[] bytes) {
    try {
      return preparer.prepare(fileName, bytes);
    } catch (ModelRefusedException e) {
      throw new CheckFailed(new CheckReport(null, refusals(e), List.of(), List.of()));
    }
  }

  private Deployed deployChecked(Entry entry, byte[] bytes, String user) {
    Checked checked = check(entry, bytes);
    if (!checked.report().passes()) {
      audit.recordAs(user, null, AuditAction.MODEL_DEPLOY_REFUSED, AuditOutcome.DENIED, null, // audit
          label(entry.kind(), entry.modelId()),
          "sha256 " + PreparedResource.sha256(bytes) + ", " + checked.report().errors().size() + " error(s)");
      throw new CheckFailed(checked.report());
    }
    DeploymentEvent event;
    try {
      event = deployment.deploy(List.of(checked.prepared()), user);
    } catch (RuntimeException e) {
      if (ModelDeployment.isRejection(e)) {
        CheckReport refused =
            new CheckReport(checked.report().baseVersion(),
                List.of(Finding.error(null, "engine.rejected", "the engine refused the model: " + e.getMessage())),
                checked.report().warnings(), checked.report().changes());
        throw new CheckFailed(refused);
      }
      throw new UnavailableProblem("The process engine is not reachable; nothing was deployed. Try again later.", e);
    }
    return deployed(entry, checked.prepared(), event);
  }

  private static Deployed deployed(Entry entry, PreparedResource prepared, DeploymentEvent event) {
    int previous = entry.latest() == null ? 0 : entry.latest().version();
    record Found(int version, long key) {}
    Found found =
        switch (entry.kind()) {
          case BPMN -> event.getProcesses().stream()
              .filter(p -> p.getBpmnProcessId().equals(entry.modelId()))
              .map(p -> new Found(p.getVersion(), p.getProcessDefinitionKey()))
              .findFirst().orElseThrow();
          case DMN -> event.getDecisionRequirements().stream()
              .filter(d -> d.getDmnDecisionRequirementsId().equals(entry.modelId()))
              .map(d -> new Found(d.getVersion(), d.getDecisionRequirementsKey()))
              .findFirst().orElseThrow();
          case FORM -> event.getForm().stream()
              .filter(f -> f.getFormId().equals(entry.modelId()))
              .map(f -> new Found(f.getVersion(), f.getFormKey()))
              .findFirst().orElseThrow();
        };
    return new Deployed(entry.kind(), entry.modelId(), found.version(), found.key(), prepared.sha256hex(),
        found.version() <= previous);
  }

  private record Checked(PreparedResource prepared, CheckReport report) {}

  private Checked check(Entry entry, byte[] bytes) {
    Integer base = entry.latest() == null ? null : entry.latest().version();
    PreparedResource prepared;
    try {
      prepared = preparer.prepare(entry.resourceName(), bytes);
    } catch (ModelRefusedException e) {
      return new Checked(null, new CheckReport(base, refusals(e), List.of(), List.of()));
    }
    List<Finding> findings = new ArrayList<>();
    List<String> ids = ModelIds.of(prepared);
    if (!ids.contains(entry.modelId())) {
      findings.add(Finding.error(null, "model.id",
          "the model's id is " + String.join(", ", ids) + ", not " + entry.modelId(), entry.modelId(), String.join(", ", ids)));
    }
    findings.addAll(rules.check(prepared, List.of(prepared)));
    byte[] before = base == null ? null : content(entry.kind(), entry.modelId(), base).getBytes(StandardCharsets.UTF_8);
    List<ModelChange> changes = changes(entry.kind(), before, prepared.bytes());
    return new Checked(prepared, new CheckReport(base,
        findings.stream().filter(Finding::isError).toList(),
        findings.stream().filter(f -> !f.isError()).toList(),
        changes));
  }

  private static List<ModelChange> changes(ModelKind kind, byte[] before, byte[] after) {
    try {
      return switch (kind) {
        case BPMN -> ModelDiff.bpmn(before, after);
        case DMN -> ModelDiff.dmn(before, after);
        case FORM -> ModelDiff.form(before, after);
      };
    } catch (IllegalArgumentException e) {
      return List.of(); // both sides passed the preparer; a model the diff cannot read shows no changes
    }
  }

  private static List<Finding> refusals(ModelRefusedException e) {
    if (e.elementIds().isEmpty()) {
      return List.of(Finding.error(null, "model.refused", e.reason(), e.reason()));
    }
    return e.elementIds().stream()
        .map(id -> Finding.error(id, "model.refused", e.reason(), e.reason()))
        .toList();
  }

  private static Entry entry(List<ModelHistory.Version> versions, Map<Long, Long> counts, DraftInfo draft) {
    ModelHistory.Version newest = versions.get(0);
    List<VersionRow> rows =
        versions.stream()
            .map(v -> new VersionRow(v.version(), v.key(), v.deployedAt(), v.deployedBy(), v.hash(),
                counts.getOrDefault(v.key(), 0L)))
            .toList();
    return new Entry(newest.kind(), newest.modelId(), newest.resourceName(), rows, draft);
  }

  private static DraftInfo info(ModelDrafts.Draft d) {
    return new DraftInfo(d.basedOnVersion(), d.savedBy(), d.savedAt(), d.sha256());
  }

  private static String label(ModelKind kind, String modelId) {
    return kind.name().toLowerCase() + " " + modelId;
  }
}
