package org.jiefen.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jiefen.deploy.ModelDiff.Facts;
import org.jiefen.deploy.ModelDiff.Property;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The facts {@link ModelDiff} compares of a BPMN model: its processes and flow elements, read from the XML. */
final class BpmnFacts {

  static final String BPMN = ModelPreparer.BPMN_NAMESPACE;
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  /** Elements compared: the process and everything that flows in it. Lanes, annotations and data are not. */
  private static final Set<String> FLOW = Set.of(
      "process", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "task", "serviceTask", "userTask", "manualTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
      "callActivity", "subProcess", "adHocSubProcess", "transaction",
      "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
      "sequenceFlow");
  private static final Set<String> TIMES = Set.of("timeDate", "timeDuration", "timeCycle");
  /** The listeners the deploy step adds ({@link TaskListeners}); drafts do not have them. */
  private static final Set<String> OUR_LISTENERS =
      Arrays.stream(TaskListeners.Ours.values()).map(o -> o.jobType).collect(Collectors.toSet());

  private final Map<String, Element> messages = new HashMap<>();
  private final Map<String, Element> errors = new HashMap<>();
  private final ModelDiff.Collector collector = new ModelDiff.Collector();

  private BpmnFacts() {}

  static Map<String, Facts> read(byte[] bytes) {
    Document document = SafeXml.parse(bytes);
    Element root = document.getDocumentElement();
    if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw new IllegalArgumentException("is not BPMN: the root element is " + root.getLocalName());
    }
    BpmnFacts facts = new BpmnFacts();
    for (Element child : children(root)) {
      if (BPMN.equals(child.getNamespaceURI()) && "message".equals(child.getLocalName())) {
        facts.messages.put(child.getAttribute("id"), child);
      } else if (BPMN.equals(child.getNamespaceURI()) && "error".equals(child.getLocalName())) {
        facts.errors.put(child.getAttribute("id"), child);
      }
    }
    for (Element child : children(root)) {
      facts.walk(child);
    }
    return facts.collector.facts();
  }

  private void walk(Element element) {
    if (!BPMN.equals(element.getNamespaceURI())) {
      return; // diagram interchange and foreign extensions
    }
    String type = element.getLocalName();
    if (FLOW.contains(type) && element.hasAttribute("id")) {
      element(element, type);
    }
    if (type.equals("process") || type.equals("subProcess") || type.equals("adHocSubProcess")
        || type.equals("transaction") || type.equals("collaboration")) {
      for (Element child : children(element)) {
        walk(child);
      }
    }
  }

  private void element(Element e, String type) {
    Map<Property, String> p = collector.add(e.getAttribute("id"), type, attribute(e, "name"), null);
    put(p, "name", attribute(e, "name"));
    timer(e, p);
    put(p, "condition", text(child(e, BPMN, "conditionExpression")));
    put(p, "default", attribute(e, "default"));
    put(p, "source", attribute(e, "sourceRef"));
    put(p, "target", attribute(e, "targetRef"));
    if (type.equals("boundaryEvent")) {
      put(p, "attachedTo", attribute(e, "attachedToRef"));
      put(p, "cancelActivity", e.hasAttribute("cancelActivity") ? e.getAttribute("cancelActivity").strip() : "true");
    }
    message(e, p);
    Element errorDefinition = child(e, BPMN, "errorEventDefinition");
    if (errorDefinition != null) {
      Element error = errors.get(errorDefinition.getAttribute("errorRef"));
      put(p, "errorCode", error == null ? attribute(errorDefinition, "errorRef") : attribute(error, "errorCode"));
    }
    Element extensions = child(e, BPMN, "extensionElements");
    if (extensions != null) {
      zeebe(extensions, p);
    }
  }

  private static void timer(Element e, Map<Property, String> p) {
    Element definition = child(e, BPMN, "timerEventDefinition");
    if (definition == null) {
      return;
    }
    for (Element time : children(definition)) {
      if (BPMN.equals(time.getNamespaceURI()) && TIMES.contains(time.getLocalName())) {
        put(p, "timer", text(time));
        put(p, "timerType", time.getLocalName());
        return;
      }
    }
  }

  private void message(Element e, Map<Property, String> p) {
    Element definition = child(e, BPMN, "messageEventDefinition");
    String ref = definition != null ? attribute(definition, "messageRef") : attribute(e, "messageRef");
    if (ref == null) {
      return;
    }
    Element message = messages.get(ref);
    if (message == null) {
      put(p, "message", ref);
      return;
    }
    Element extensions = child(message, BPMN, "extensionElements");
    Element subscription = extensions == null ? null : child(extensions, ZEEBE, "subscription");
    String key = subscription == null ? null : attribute(subscription, "correlationKey");
    String name = attribute(message, "name");
    put(p, "message", key == null ? name : name + " (" + key + ")");
  }

  private static void zeebe(Element extensions, Map<Property, String> p) {
    Element task = child(extensions, ZEEBE, "taskDefinition");
    if (task != null) {
      put(p, "jobType", attribute(task, "type"));
      String retries = attribute(task, "retries");
      put(p, "retries", retries == null ? TaskListeners.RETRIES : retries);
    }
    Element form = child(extensions, ZEEBE, "formDefinition");
    if (form != null) {
      String id = attribute(form, "formId");
      put(p, "formId", id != null ? id : attribute(form, "externalReference") != null
          ? attribute(form, "externalReference") : attribute(form, "formKey"));
    }
    Element assignment = child(extensions, ZEEBE, "assignmentDefinition");
    if (assignment != null) {
      put(p, "candidateGroups", attribute(assignment, "candidateGroups"));
      put(p, "candidateUsers", attribute(assignment, "candidateUsers"));
      put(p, "assignee", attribute(assignment, "assignee"));
    }
    Element schedule = child(extensions, ZEEBE, "taskSchedule");
    if (schedule != null) {
      put(p, "dueDate", attribute(schedule, "dueDate"));
      put(p, "followUpDate", attribute(schedule, "followUpDate"));
    }
    Element headers = child(extensions, ZEEBE, "taskHeaders");
    Map<String, String> headerValues = new LinkedHashMap<>();
    if (headers != null) {
      for (Element h : children(headers)) {
        String key = attribute(h, "key");
        if (key != null) {
          headerValues.putIfAbsent(key, attribute(h, "value"));
          put(p, new Property("header", key), attribute(h, "value"));
        }
      }
    }
    Element io = child(extensions, ZEEBE, "ioMapping");
    if (io != null) {
      boolean clockTask = task != null && ClockInputs.JOB_TYPE.equals(attribute(task, "type"));
      for (Element m : children(io)) {
        String target = attribute(m, "target");
        String source = attribute(m, "source");
        if (target == null) {
          continue;
        }
        if (clockTask && "input".equals(m.getLocalName()) && ClockInputs.TARGET.equals(target)
            && headerValues.get("from") != null && ("=" + headerValues.get("from").strip()).equals(source)) {
          continue; // added by the deploy step
        }
        put(p, new Property(m.getLocalName(), target), source);
      }
    }
    Element called = child(extensions, ZEEBE, "calledElement");
    if (called != null) {
      put(p, "calledElement", attribute(called, "processId"));
    }
    Element decision = child(extensions, ZEEBE, "calledDecision");
    if (decision != null) {
      put(p, "decisionId", attribute(decision, "decisionId"));
      put(p, "resultVariable", attribute(decision, "resultVariable"));
    }
    listeners(child(extensions, ZEEBE, "executionListeners"), "executionListener", p);
    listeners(child(extensions, ZEEBE, "taskListeners"), "taskListener", p);
  }

  private static void listeners(Element listeners, String code, Map<Property, String> p) {
    if (listeners == null) {
      return;
    }
    Map<String, List<String>> byEvent = new LinkedHashMap<>();
    for (Element l : children(listeners)) {
      String type = attribute(l, "type");
      String event = attribute(l, "eventType");
      if (type == null || OUR_LISTENERS.contains(type)) {
        continue;
      }
      byEvent.computeIfAbsent(event == null ? "" : event, k -> new ArrayList<>()).add(type);
    }
    byEvent.forEach((event, types) -> put(p, new Property(code, event), String.join(", ", types)));
  }

  private static void put(Map<Property, String> p, String code, String value) {
    put(p, Property.of(code), value);
  }

  private static void put(Map<Property, String> p, Property property, String value) {
    if (value != null) {
      p.putIfAbsent(property, value);
    }
  }

  static List<Element> children(Element parent) {
    List<Element> list = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        list.add(e);
      }
    }
    return list;
  }

  static Element child(Element parent, String namespace, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** An attribute's value, stripped; null when absent or blank. */
  static String attribute(Element e, String name) {
    if (!e.hasAttribute(name)) {
      return null;
    }
    String value = e.getAttribute(name).strip();
    return value.isEmpty() ? null : value;
  }

  /** An element's text, stripped; null when absent or blank. */
  static String text(Element e) {
    if (e == null) {
      return null;
    }
    String value = e.getTextContent().strip();
    return value.isEmpty() ? null : value;
  }
}
