package org.jiefen.tasks;

import org.jiefen.cases.CaseLookup.CaseHeadline;
import org.jiefen.users.AppUser;

/**
 * One line of the task list: the task, its case's headline (null when the case file is missing),
 * whether the reader holds it or may claim it, and a message key for what just happened to it
 * (a claim that lost the race), or null.
 */
public record TaskRow(TaskDoc task, CaseHeadline caseHeadline, boolean mine, boolean claimable, String messageKey) {

  static TaskRow of(TaskDoc task, CaseHeadline headline, AppUser user, String messageKey) {
    boolean open = task.state() != null && task.state().open();
    boolean mine = open && user.username().equals(task.assignee());
    return new TaskRow(task, headline, mine, open && task.assignee() == null && candidate(task, user), messageKey);
  }

  /** Whether the user is among the people the task is for (the same rule as a claim). */
  static boolean candidate(TaskDoc task, AppUser user) {
    return (task.candidateUsers() != null && task.candidateUsers().contains(user.username()))
        || (task.candidateGroups() != null && task.candidateGroups().stream().anyMatch(user.groups()::contains));
  }

  /** Whether the task can still be worked. */
  public boolean open() {
    return task.state() != null && task.state().open();
  }
}
