package org.jiefen.units;

/**
 * What kind of body a unit is. {@link #ADMINISTRATIVE} units form the administrative tree (district,
 * street, community) whose levels the mediation walks and whose petition offices triage. A
 * {@link #DEPARTMENT} is a functional department (职能部门) of the government of its parent, such as
 * 区人力资源局 or 区公安分局: petitions are forwarded (转送) or assigned (交办) to it, but it is never a
 * mediation level, never a court seat and never has units below it.
 */
public enum UnitType {
  ADMINISTRATIVE,
  DEPARTMENT
}
