package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes a case may lack (a petition has no category) print as nothing; petition channels have names. */
class LabelsTest {

  @Test
  void missingCodesPrintAsNothing() {
    assertThat(Labels.category(null)).isEmpty();
    assertThat(Labels.channel(null)).isEmpty();
    assertThat(Labels.level(null)).isEmpty();
    assertThat(Labels.role(null)).isEqualTo("当事人");
    assertThat(Labels.event(null)).isEmpty();
  }

  @Test
  void petitionChannelsAndIntakeEventsHaveChineseNames() {
    assertThat(Labels.channel("visit")).isEqualTo("走访");
    assertThat(Labels.channel("fax")).isEqualTo("传真");
    assertThat(Labels.event("REPEAT_PETITION")).isEqualTo("重复信访提示");
    assertThat(Labels.category("labour")).isEqualTo("劳动争议纠纷");
  }

  @Test
  void theProcessAndTaskEventsOfTheCoverIndexHaveChineseNames() {
    assertThat(Labels.event("PROCESS_STARTED")).isEqualTo("启动办理流程");
    assertThat(Labels.event("TASK_COMPLETED")).isEqualTo("任务办结");
    assertThat(Labels.process("Mediation")).isEqualTo("人民调解");
    assertThat(Labels.process("Petition")).isEqualTo("信访事项办理");
  }

  /** A petition's archive cover names its outcome too, not its code. */
  @Test
  void everyOutcomeOfEitherKindHasAChineseName() {
    org.jiefen.texts.RetentionSchedule.OUTCOMES.values().stream().flatMap(java.util.List::stream)
        .filter(o -> !o.equals(org.jiefen.texts.RetentionSchedule.OTHER))
        .forEach(o -> assertThat(Labels.outcome(o)).as(o).isNotEqualTo(o).containsPattern("\\p{IsHan}"));
    assertThat(Labels.outcome("closed_final")).isEqualTo("复核终结");
  }
}
