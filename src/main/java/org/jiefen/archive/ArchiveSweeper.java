package org.jiefen.archive;

import org.jiefen.cases.CaseArchiving;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing closed stays unarchived: shortly after the start and then every
 * {@code jiefen.archive.sweep-interval} (default 5 minutes), archives closed cases without
 * {@code archivedAt}: cases closed before the archive existed (demo data), or whose close job ended
 * in an incident. A case that fails is logged and tried again at the next sweep.
 */
@Component
class ArchiveSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiveSweeper.class);

  private final CaseArchiving cases;
  private final Archiver archiver;
  private final int batch;

  ArchiveSweeper(CaseArchiving cases, Archiver archiver, @Value("${jiefen.archive.sweep-batch:100}") int batch) {
    this.cases = cases;
    this.archiver = archiver;
    this.batch = batch;
  }

  @Scheduled(initialDelayString = "${jiefen.archive.sweep-delay:30s}", fixedDelayString = "${jiefen.archive.sweep-interval:5m}")
  public void scheduled() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("archive sweep stopped, next sweep tries again: {}", e.getMessage());
    }
  }

  /** Archives up to a batch of closed, unarchived cases; answers how many were archived. */
  int sweep() {
    int archived = 0;
    for (String caseId : cases.closedNotArchived(batch)) {
      try {
        archiver.archive(caseId);
        archived++;
      } catch (RuntimeException e) {
        LOG.warn("case {} not archived, next sweep tries again: {}", caseId, e.getMessage());
      }
    }
    if (archived > 0) {
      LOG.info("archive sweep: {} closed case(s) archived", archived);
    }
    return archived;
  }
}
