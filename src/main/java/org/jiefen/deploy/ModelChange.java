package org.jiefen.deploy;

/**
 * One readable difference between a deployed model and a draft: an element added or removed, or
 * one property of an element changed. {@code property} is a stable code the web interface
 * translates ({@code admin.property.<property>}, e.g. {@code timer}, {@code jobType},
 * {@code formId}, {@code condition}, {@code candidateGroups}, {@code header}, {@code name});
 * {@code detail} qualifies it where one element has several (the header key, the variable of a mapping).
 */
public record ModelChange(
    Kind change, String elementId, String elementType, String name, String property, String detail, String before, String after) {

  public enum Kind { ADDED, REMOVED, CHANGED }
}
