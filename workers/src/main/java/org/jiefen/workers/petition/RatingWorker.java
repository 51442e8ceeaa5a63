package org.jiefen.workers.petition;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.jiefen.cases.CaseTimeline;
import org.jiefen.cases.PetitionRatings;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.petition.rating}: writes the petitioner's rating into the case file
 * ({@code petition.rating}) for the KPIs. Header {@code record} names the user task whose recorded
 * form holds the rating in field {@code satisfaction} (satisfied | basically_satisfied |
 * dissatisfied | not_rated). No record (the window ran out before anyone recorded an answer) or no
 * rating in it counts as {@code not_rated}; another value, or a missing header, is an incident.
 */
@Component
public class RatingWorker {

  private final PetitionRatings ratings;
  private final CaseTimeline timeline;

  RatingWorker(PetitionRatings ratings, CaseTimeline timeline) {
    this.ratings = ratings;
    this.timeline = timeline;
  }

  @JobWorker(type = "jiefen.petition.rating", fetchVariables = {"caseId"})
  public void rate(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    String record = PetitionJobs.header(job, "record");
    if (record == null) {
      throw JobFailures.incident("the rating task " + job.getElementId()
          + " needs a record header naming the task that holds the rating");
    }
    JobFailures.guard(job, () -> {
      String rating = PetitionJobs.field(PetitionJobs.record(timeline, caseId, record), "satisfaction");
      return ratings.rate(caseId, PetitionJobs.key(job), rating == null ? "not_rated" : rating);
    });
  }
}
