package org.jiefen.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;

/**
 * How workers fail a job. A technical failure (Elasticsearch or SMTP away) is retried with an
 * exponential backoff, so the retries modelled on a task (10 in our models) span about twenty
 * minutes instead of a second; a modelling error (an unknown header, a variable the model must
 * give) is not retried and becomes an incident at once.
 */
public final class JobFailures {

  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(5);

  private JobFailures() {}

  public static JobError retryLater(ActivatedJob job, Exception cause) {
    int remaining = Math.max(job.getRetries() - 1, 0);
    return new JobError(message(cause), null, remaining, backoff(job.getRetries()), cause);
  }

  public static JobError incident(String message) {
    return new JobError(message, null, 0, Duration.ZERO, null);
  }

  /** 5 s, 10 s, 20 s, ... up to 5 min, by how many retries the job has used of the 10 a model gives. */
  static Duration backoff(int retriesLeft) {
    int used = Math.max(0, 10 - retriesLeft);
    Duration d = FIRST.multipliedBy(1L << Math.min(used, 10));
    return d.compareTo(MAX) > 0 ? MAX : d;
  }

  private static String message(Exception cause) {
    String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
