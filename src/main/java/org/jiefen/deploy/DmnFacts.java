package org.jiefen.deploy;

import static org.jiefen.deploy.BpmnFacts.attribute;
import static org.jiefen.deploy.BpmnFacts.child;
import static org.jiefen.deploy.BpmnFacts.children;
import static org.jiefen.deploy.BpmnFacts.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiefen.deploy.ModelDiff.Facts;
import org.jiefen.deploy.ModelDiff.Property;
import org.w3c.dom.Element;

/**
 * The facts {@link ModelDiff} compares of a DMN model: each decision (name, hit policy, columns, or
 * its literal expression) and each rule of a decision table as a whole, its cells joined with
 * " | " (input entries, then output entries).
 */
final class DmnFacts {

  private final ModelDiff.Collector collector = new ModelDiff.Collector();
  private final String namespace;

  private DmnFacts(String namespace) {
    this.namespace = namespace;
  }

  static Map<String, Facts> read(byte[] bytes) {
    Element root = SafeXml.parse(bytes).getDocumentElement();
    if (!"definitions".equals(root.getLocalName()) || root.getNamespaceURI() == null
        || !ModelPreparer.DMN_NAMESPACE.matcher(root.getNamespaceURI()).matches()) {
      throw new IllegalArgumentException("is not DMN: the root element is " + root.getLocalName());
    }
    DmnFacts facts = new DmnFacts(root.getNamespaceURI());
    for (Element decision : children(root)) {
      if (facts.namespace.equals(decision.getNamespaceURI()) && "decision".equals(decision.getLocalName())
          && decision.hasAttribute("id")) {
        facts.decision(decision);
      }
    }
    return facts.collector.facts();
  }

  private void decision(Element decision) {
    String id = decision.getAttribute("id");
    Map<Property, String> p = collector.add(id, "decision", attribute(decision, "name"), null);
    put(p, Property.of("name"), attribute(decision, "name"));
    Element literal = child(decision, namespace, "literalExpression");
    if (literal != null) {
      put(p, Property.of("expression"), text(child(literal, namespace, "text")));
    }
    Element table = child(decision, namespace, "decisionTable");
    if (table == null) {
      return;
    }
    String hitPolicy = attribute(table, "hitPolicy");
    String aggregation = attribute(table, "aggregation");
    put(p, Property.of("hitPolicy"), (hitPolicy == null ? "UNIQUE" : hitPolicy) + (aggregation == null ? "" : " " + aggregation));
    for (Element column : children(table)) {
      String columnId = attribute(column, "id");
      if (columnId == null || !namespace.equals(column.getNamespaceURI())) {
        continue;
      }
      switch (column.getLocalName()) {
        case "input" -> {
          Element expression = child(column, namespace, "inputExpression");
          put(p, new Property("input", columnId),
              column(attribute(column, "label"), expression == null ? null : text(child(expression, namespace, "text"))));
        }
        case "output" -> put(p, new Property("output", columnId),
            column(attribute(column, "label"), attribute(column, "name")));
        case "rule" -> rule(id, column);
        default -> { }
      }
    }
  }

  private void rule(String decisionId, Element rule) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String annotation = null;
    for (Element entry : children(rule)) {
      String value = text(child(entry, namespace, "text"));
      switch (entry.getLocalName()) {
        case "inputEntry" -> inputs.add(value == null ? "-" : value);
        case "outputEntry" -> outputs.add(value == null ? "" : value);
        case "annotationEntry" -> annotation = value;
        case "description" -> annotation = annotation != null ? annotation : text(entry); // the Camunda modeller's annotation
        default -> { }
      }
    }
    inputs.addAll(outputs);
    Map<Property, String> p = collector.add(rule.getAttribute("id"), "rule", annotation, decisionId);
    p.put(Property.of("rule"), String.join(" | ", inputs));
  }

  /** "label [expression]", or whichever of them there is. */
  private static String column(String label, String expression) {
    if (label == null) {
      return expression;
    }
    return expression == null ? label : label + " [" + expression + "]";
  }

  private static void put(Map<Property, String> p, Property property, String value) {
    if (value != null) {
      p.putIfAbsent(property, value);
    }
  }
}
