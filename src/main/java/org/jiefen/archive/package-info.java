/**
 * The archive: every closed case ends here. {@link org.jiefen.archive.Archiver} writes the archive
 * record (index {@code archive}, one per case), builds and stores the case-file bundle PDF and marks
 * the case archived; the close worker calls it in the close job, {@link
 * org.jiefen.archive.ArchiveSweeper} catches what the job did not finish. Records whose retention
 * period has passed wait for an administrator's decision (keep longer, or destroy, which leaves a
 * register entry): {@link org.jiefen.archive.ArchiveDecisions}, {@code /admin/archive},
 * {@code /api/v1/archive}. Nothing is deleted without a decision, and every decision is audited.
 */
package org.jiefen.archive;
