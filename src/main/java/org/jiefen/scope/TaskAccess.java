package org.jiefen.scope;

import java.util.List;

/**
 * What decides who sees a task: its unit in the tree, its case, whether that case is confidential,
 * the people the task is for (candidates, assignee) or was done by, and the leader who owns its
 * case (包案).
 */
public record TaskAccess(
    String caseId,
    List<String> unitPath,
    String unitCode,
    boolean confidential,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String assignee,
    String endedBy,
    String owner) {}
