package org.jiefen.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jiefen.cases.OpenCases;
import org.jiefen.tasks.DueState;
import org.jiefen.tasks.TaskDoc;
import org.jiefen.tasks.TaskOverview;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.PageTime;
import org.springframework.stereotype.Service;

/**
 * The supervision board of a user: their open cases by due state, the supervision orders for
 * their unit and the unit tree below it.
 *
 * <p><b>A case's due state</b> is the worst of the colours of its running statutory clocks ({@link
 * org.jiefen.cases.ClockDueState}: a petition's 15/60/30-day periods) and of its open tasks ({@link
 * DueState}: a mediation level's 30 days, warned 5 days before, are on its tasks), in the order
 * NONE &lt; GREEN &lt; YELLOW &lt; RED; its due instant is the earliest due instant among them. A case
 * with neither counts in the total as "no deadline".
 *
 * <p><b>Two searches for the whole board</b>, whatever the number of cases: one for the open cases
 * the data scope lets the user see (with their clocks, whose colour is computed from the stored
 * instants on the app's clock, which local mode can move), and one terms aggregation over the task
 * mirror giving, per case, the earliest due and follow-up instants of its open tasks (which decide
 * the tasks' worst colour). Nothing is stored for the board, so no document goes stale as time
 * passes; the supervision orders are one more task search.
 *
 * <p><b>Where a case sits in the tree</b>: at the unit working it now ({@code currentUnitCode}, a
 * mediation escalated to the street sits at the street), if that unit is in the user's subtree;
 * otherwise at the unit where it arose (a case escalated above the user's unit stays visible
 * where it came from); otherwise (a petition addressed to the user's unit from elsewhere) at the
 * user's own unit. A unit in the tree counts the cases of its whole subtree.
 */
@Service
public class Board {

  /** Rows a list shows at most; the counts are exact. */
  static final int LIST_LIMIT = 100;

  private final OpenCases openCases;
  private final TaskOverview tasks;
  private final UnitDirectory units;

  Board(OpenCases openCases, TaskOverview tasks, UnitDirectory units) {
    this.openCases = openCases;
    this.tasks = tasks;
    this.units = units;
  }

  /** A case on the board: its due state, due instant and the unit it sits at. */
  public record Row(OpenCases.OpenCase c, DueState state, Instant due, String unitCode) {

    /**
     * Whether the due instant is the end of a day in Beijing (a statutory clock runs out at 00:00
     * of the next day): pages then show the last day, not the midnight after it.
     */
    public boolean endOfDay() {
      return due != null && due.atZone(PageTime.ZONE).toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
    }

    /** The day the case is due at the end of (for {@link #endOfDay()} instants). */
    public java.time.LocalDate lastDay() {
      return due == null ? null : due.minusMillis(1).atZone(PageTime.ZONE).toLocalDate();
    }
  }

  /** Cases per due state (NONE: no deadline running) and in all. */
  public record Counts(Map<DueState, Integer> byState, int total) {
    public int of(DueState state) {
      return byState.getOrDefault(state, 0);
    }

    /** The worst state with at least one case, NONE when there is none. */
    public DueState worst() {
      for (DueState s : List.of(DueState.RED, DueState.YELLOW, DueState.GREEN)) {
        if (of(s) > 0) {
          return s;
        }
      }
      return DueState.NONE;
    }

    public int red() {
      return of(DueState.RED);
    }

    public int yellow() {
      return of(DueState.YELLOW);
    }

    public int green() {
      return of(DueState.GREEN);
    }

    public int none() {
      return of(DueState.NONE);
    }
  }

  /** A unit of the tree: its depth below the user's unit and the counts of its subtree. */
  public record Node(Unit unit, int depth, Counts counts, boolean selected) {}

  /** A list of rows, cut at {@link #LIST_LIMIT}; {@code more} were left out. */
  public record Section(DueState state, List<Row> rows, int more) {}

  /** A supervision order with the title of its case when the board has it. */
  public record Supervision(TaskDoc task, String caseTitle) {}

  public record View(Unit selected, Counts counts, List<Section> sections, List<Node> tree, List<Supervision> supervisions,
      boolean truncated) {}

  /**
   * The board of the user, its lists narrowed to the subtree of {@code unitCode} (null: the user's
   * whole subtree).
   *
   * @throws NotFoundProblem when the unit is not the user's or below it
   */
  View of(AppUser user, String unitCode) {
    Unit own = units.find(user.unitCode()).orElseThrow(() -> new NotFoundProblem("no unit " + user.unitCode()));
    List<Unit> subtree = subtree(own);
    Map<String, Unit> byCode = new HashMap<>();
    subtree.forEach(u -> byCode.put(u.code(), u));
    Unit selected = unitCode == null || unitCode.isBlank() ? own : byCode.get(unitCode);
    if (selected == null) {
      throw new NotFoundProblem("unit " + unitCode + " is not on the board of " + user.username());
    }

    OpenCases.Result open = openCases.of(user);
    Map<String, TaskOverview.CaseDue> taskDue = tasks.dueByCase(open.cases().stream().map(OpenCases.OpenCase::id).toList());
    List<Row> rows = new ArrayList<>(open.cases().size());
    for (OpenCases.OpenCase c : open.cases()) {
      rows.add(row(c, taskDue.get(c.id()), byCode, own));
    }

    List<Row> shown = rows.stream().filter(r -> within(byCode.get(r.unitCode()), selected)).toList();
    Map<String, List<Row>> bySubtree = new HashMap<>();
    for (Row r : rows) {
      for (String code : byCode.get(r.unitCode()).path()) {
        if (byCode.containsKey(code)) {
          bySubtree.computeIfAbsent(code, k -> new ArrayList<>()).add(r);
        }
      }
    }
    List<Node> tree = subtree.stream()
        .map(u -> new Node(u, u.path().size() - own.path().size(), counts(bySubtree.getOrDefault(u.code(), List.of())),
            u.code().equals(selected.code())))
        .toList();
    Map<String, String> titles = new HashMap<>();
    open.cases().forEach(c -> titles.put(c.id(), c.title()));
    List<Supervision> supervisions = tasks.openSupervisions(user).stream()
        .map(t -> new Supervision(t, t.caseId() == null ? null : titles.get(t.caseId())))
        .toList();
    return new View(selected, counts(shown), sections(shown), tree, supervisions, open.total() > open.cases().size());
  }

  private static Row row(OpenCases.OpenCase c, TaskOverview.CaseDue task, Map<String, Unit> subtree, Unit own) {
    DueState state = switch (c.clockState()) {
      case NONE -> DueState.NONE;
      case GREEN -> DueState.GREEN;
      case YELLOW -> DueState.YELLOW;
      case RED -> DueState.RED;
    };
    Instant due = c.clockDue();
    if (task != null) {
      if (task.state().ordinal() > state.ordinal()) {
        state = task.state();
      }
      if (task.due() != null && (due == null || task.due().isBefore(due))) {
        due = task.due();
      }
    }
    String at = c.currentUnitCode() != null && subtree.containsKey(c.currentUnitCode()) ? c.currentUnitCode()
        : c.unitCode() != null && subtree.containsKey(c.unitCode()) ? c.unitCode()
        : own.code();
    return new Row(c, state, due, at);
  }

  private static boolean within(Unit unit, Unit ancestor) {
    return unit != null && unit.path().contains(ancestor.code());
  }

  private static Counts counts(List<Row> rows) {
    Map<DueState, Integer> byState = new EnumMap<>(DueState.class);
    rows.forEach(r -> byState.merge(r.state(), 1, Integer::sum));
    return new Counts(byState, rows.size());
  }

  /** Overdue first, then due soon, then the rest (on time, then without a deadline); soonest due first in each. */
  private static List<Section> sections(List<Row> rows) {
    Comparator<Row> soonest = Comparator.comparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(r -> r.c().created(), Comparator.nullsLast(Comparator.naturalOrder()));
    List<Section> sections = new ArrayList<>();
    for (List<DueState> states : List.of(List.of(DueState.RED), List.of(DueState.YELLOW),
        List.of(DueState.GREEN, DueState.NONE))) {
      List<Row> of = rows.stream().filter(r -> states.contains(r.state()))
          .sorted(Comparator.comparing((Row r) -> -r.state().ordinal()).thenComparing(soonest)).toList();
      sections.add(new Section(states.getFirst(), of.subList(0, Math.min(of.size(), LIST_LIMIT)),
          Math.max(0, of.size() - LIST_LIMIT)));
    }
    return sections;
  }

  /** The unit and every unit below it, depth first, children by code. */
  private List<Unit> subtree(Unit root) {
    Map<String, List<Unit>> children = new HashMap<>();
    for (Unit u : units.all()) {
      if (u.parentCode() != null && u.path().contains(root.code()) && !u.code().equals(root.code())) {
        children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
      }
    }
    children.values().forEach(list -> list.sort(Comparator.comparing(Unit::code)));
    Set<Unit> out = new LinkedHashSet<>();
    walk(root, children, out);
    return List.copyOf(out);
  }

  private static void walk(Unit unit, Map<String, List<Unit>> children, Set<Unit> out) {
    out.add(unit);
    for (Unit child : children.getOrDefault(unit.code(), List.of())) {
      walk(child, children, out);
    }
  }
}
