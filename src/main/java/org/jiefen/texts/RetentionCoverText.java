package org.jiefen.texts;

import org.jiefen.cases.CaseFile;
import org.jiefen.documents.CoverRetention;
import org.springframework.stereotype.Component;

/** The cover's 保管期限: the schedule's period for the file's kind and outcome, in Chinese (永久, 30年, 2年6个月). */
@Component
class RetentionCoverText implements CoverRetention {

  private final RetentionSchedule schedule;

  RetentionCoverText(RetentionSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public String text(CaseFile file) {
    return chinese(schedule.periodFor(file.kind(), file.outcome()));
  }

  static String chinese(RetentionPeriod period) {
    if (period.permanent()) {
      return "永久";
    }
    int years = period.period().getYears();
    int months = period.period().getMonths();
    return (years > 0 ? years + "年" : "") + (months > 0 ? months + "个月" : "");
  }
}
