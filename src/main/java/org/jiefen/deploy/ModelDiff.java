package org.jiefen.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jiefen.deploy.ModelChange.Kind;

/**
 * A readable list of what changed between two versions of a model, for the administrator to read
 * before deploying: elements added and removed, and the properties that decide behaviour changed
 * (timers, job types, forms, conditions, assignments, mappings, ...), each with before and after.
 * Layout (BPMN diagram interchange), formatting and what the deploy step adds (our task listeners,
 * the clock tasks' {@code clockFrom} input) are not changes, so a prepared model compared with its
 * raw draft shows none.
 *
 * <p>Order: the changes in the document order of {@code after} (an element's own changes in a
 * fixed property order), then the removals in the document order of {@code before}. Time and
 * memory are linear in the size of the models.
 *
 * <p>Property codes ({@link ModelChange#property()}), BPMN: {@code name}, {@code type} (the
 * element's kind changed, e.g. serviceTask to sendTask), {@code timer}, {@code timerType}
 * (timeDate, timeDuration, timeCycle), {@code jobType}, {@code retries}, {@code formId},
 * {@code condition}, {@code default}, {@code candidateGroups}, {@code candidateUsers},
 * {@code assignee}, {@code dueDate}, {@code followUpDate}, {@code header} (detail: the key),
 * {@code input} and {@code output} (detail: the target variable), {@code calledElement},
 * {@code decisionId}, {@code resultVariable}, {@code message} (name and correlation key),
 * {@code errorCode}, {@code attachedTo}, {@code cancelActivity}, {@code source}, {@code target},
 * {@code executionListener} and {@code taskListener} (detail: the event; the job types). Forms:
 * {@code id} (of the form), {@code label}, {@code type}, {@code required}, {@code validate}
 * (detail: the rule, e.g. maxLength), {@code options}, {@code valuesKey}, {@code conditional},
 * {@code defaultValue}, {@code readonly}, {@code text}. DMN: {@code name}, {@code hitPolicy},
 * {@code input} and {@code output} (detail: the column's id), {@code expression} (a literal
 * expression decision), {@code rule} (element id: the rule's id; detail: the decision's id;
 * before and after: the rule's cells joined with " | ").
 */
public final class ModelDiff {

  private ModelDiff() {}

  /**
   * @param before the deployed version, or null when there is none (everything is added)
   * @param after the draft
   * @throws IllegalArgumentException when a model is not well-formed BPMN XML
   */
  public static List<ModelChange> bpmn(byte[] before, byte[] after) {
    return diff(before, after, BpmnFacts::read);
  }

  /**
   * @throws IllegalArgumentException when a form is not JSON
   * @see #bpmn
   */
  public static List<ModelChange> form(byte[] before, byte[] after) {
    return diff(before, after, FormFacts::read);
  }

  /**
   * @throws IllegalArgumentException when a model is not well-formed XML
   * @see #bpmn
   */
  public static List<ModelChange> dmn(byte[] before, byte[] after) {
    return diff(before, after, DmnFacts::read);
  }

  /** A property of an element; {@code detail} tells apart several of one kind (headers by key, ...). */
  record Property(String code, String detail) {
    static Property of(String code) {
      return new Property(code, null);
    }
  }

  /**
   * What is compared of one element. {@code parent} is set for parts compared as a whole, by their
   * one property named like their type (a decision table's rule and its cells), and added and
   * removed with their parent: only the parent is then listed.
   */
  record Facts(String id, String type, String name, String parent, Map<Property, String> properties) {}

  /** Collects facts in document order, the properties of each in the order they are put. */
  static final class Collector {
    private final Map<String, Facts> byId = new LinkedHashMap<>();

    Map<Property, String> add(String id, String type, String name, String parent) {
      return add(id, id, type, name, parent);
    }

    /** {@code key} identifies the element across versions where its id may not (a form's id). */
    Map<Property, String> add(String key, String id, String type, String name, String parent) {
      // an id given twice (invalid, but drafts may be) keeps its first element
      byId.putIfAbsent(key, new Facts(id, type, name, parent, new LinkedHashMap<>()));
      return byId.get(key).properties();
    }

    Map<String, Facts> facts() {
      return byId;
    }
  }

  private static List<ModelChange> diff(byte[] before, byte[] after, Function<byte[], Map<String, Facts>> reader) {
    if (after == null) {
      throw new IllegalArgumentException("the model to compare is missing");
    }
    Map<String, Facts> old = before == null ? Map.of() : reader.apply(before);
    Map<String, Facts> now = reader.apply(after);
    List<ModelChange> changes = new ArrayList<>();
    Set<String> addedParents = new LinkedHashSet<>();
    for (Map.Entry<String, Facts> entry : now.entrySet()) {
      Facts f = entry.getValue();
      Facts was = old.get(entry.getKey());
      if (was == null) {
        if (f.parent() == null || !addedParents.contains(f.parent())) {
          changes.add(new ModelChange(Kind.ADDED, f.id(), f.type(), f.name(), leafCode(f), f.parent(), null, added(f)));
        }
        addedParents.add(f.id());
        continue;
      }
      if (isLeaf(f)) {
        // a part compared as a whole (a rule): one change with its full before and after
        String b = was.properties().get(Property.of(f.type()));
        String a = f.properties().get(Property.of(f.type()));
        if (!Objects.equals(b, a)) {
          changes.add(new ModelChange(Kind.CHANGED, f.id(), f.type(), f.name(), f.type(), f.parent(), b, a));
        }
        continue;
      }
      if (!Objects.equals(was.type(), f.type())) {
        changes.add(new ModelChange(Kind.CHANGED, f.id(), f.type(), f.name(), "type", null, was.type(), f.type()));
      }
      Set<Property> keys = new LinkedHashSet<>(f.properties().keySet());
      keys.addAll(was.properties().keySet());
      for (Property p : keys) {
        String b = was.properties().get(p);
        String a = f.properties().get(p);
        if (!Objects.equals(b, a)) {
          changes.add(new ModelChange(Kind.CHANGED, f.id(), f.type(), name(f, was), p.code(), p.detail(), b, a));
        }
      }
    }
    Set<String> removedParents = new LinkedHashSet<>();
    for (Map.Entry<String, Facts> entry : old.entrySet()) {
      Facts f = entry.getValue();
      if (!now.containsKey(entry.getKey())) {
        if (f.parent() == null || !removedParents.contains(f.parent())) {
          changes.add(new ModelChange(Kind.REMOVED, f.id(), f.type(), f.name(), leafCode(f), f.parent(), added(f), null));
        }
        removedParents.add(f.id());
      }
    }
    return List.copyOf(changes);
  }

  /** A part compared as a whole: its one property, named like its type, holds all of it (a rule's cells). */
  private static boolean isLeaf(Facts f) {
    return f.parent() != null;
  }

  /** What an added or removed part held (a rule's cells); null for elements, which are named instead. */
  private static String added(Facts f) {
    return isLeaf(f) ? f.properties().get(Property.of(f.type())) : null;
  }

  private static String leafCode(Facts f) {
    return isLeaf(f) ? f.type() : null;
  }

  private static String name(Facts now, Facts was) {
    return now.name() != null ? now.name() : was.name();
  }
}
