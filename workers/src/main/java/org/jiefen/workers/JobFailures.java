package org.jiefen.workers;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import java.time.Duration;
import java.util.function.Supplier;
import org.jiefen.mail.Backoff;
import org.jiefen.pii.Masking;

/**
 * How workers fail a job. A technical failure (Elasticsearch or SMTP away) is retried with an
 * exponential backoff, so the retries modelled on a task (10 in our models) span about twenty
 * minutes instead of a second; a modelling error (an unknown header, a variable the model must
 * give) is not retried and becomes an incident at once.
 */
public final class JobFailures {

  /** The retries our models give a service task. */
  static final int MODEL_RETRIES = 10;
  static final Duration FIRST = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofMinutes(5);

  private JobFailures() {}

  /**
   * Runs a worker's work: a JobError passes as it is, an IllegalArgumentException (the model asked
   * for something that cannot be) becomes an incident, anything else is retried later.
   */
  public static <T> T guard(ActivatedJob job, Supplier<T> work) {
    try {
      return work.get();
    } catch (JobError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw incident(e.getMessage());
    } catch (RuntimeException e) {
      throw retryLater(job, e);
    }
  }

  /** The job's {@code caseId} variable, which every case task's model must give. */
  public static String caseId(ActivatedJob job) {
    Object caseId = job.getVariablesAsMap().get("caseId");
    if (caseId == null) {
      throw incident("the task " + job.getElementId() + " needs the caseId variable");
    }
    return caseId.toString();
  }

  public static JobError retryLater(ActivatedJob job, Exception cause) {
    return retryLater(job, cause, MAX);
  }

  /** As {@link #retryLater(ActivatedJob, Exception)}, with the longest wait given. */
  public static JobError retryLater(ActivatedJob job, Exception cause, Duration max) {
    int remaining = Math.max(job.getRetries() - 1, 0);
    return new JobError(message(cause), null, remaining, backoff(job.getRetries(), max), cause);
  }

  public static JobError incident(String message) {
    return new JobError(message, null, 0, Duration.ZERO, null);
  }

  /** 5 s, 10 s, 20 s, ... up to {@code max}, by how many of the model's retries the job has used. */
  public static Duration backoff(int retriesLeft, Duration max) {
    return Backoff.after(Math.max(1, MODEL_RETRIES - retriesLeft + 1), FIRST, max);
  }

  // Messages end up in incidents: short, and never an ID or phone number.
  private static String message(Exception cause) {
    String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    text = Masking.maskText(text);
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
