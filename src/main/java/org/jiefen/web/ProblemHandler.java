package org.jiefen.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jiefen.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem body. Invalid input names the field ({@code field}
 * and {@code errors[]}); nothing about the server's internals (stack traces, class names, raw
 * values) leaves it.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final URI INVALID = URI.create("urn:jiefen:problem:invalid-request");

  record FieldError(String field, String message) {}

  private final AuditLog audit;

  ProblemHandler(AuditLog audit) {
    this.audit = audit;
  }

  @ExceptionHandler(FieldProblem.class)
  ProblemDetail field(FieldProblem e) {
    ProblemDetail problem = invalid(e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList());
    if (e instanceof FileProblem file && file.status() != HttpStatus.BAD_REQUEST) {
      problem.setStatus(file.status());
      problem.setTitle(file.status().getReasonPhrase());
      if (file.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
        problem.setType(URI.create("urn:jiefen:problem:too-large"));
      }
    }
    return problem;
  }

  /**
   * A multipart upload over Spring's limits ({@code spring.servlet.multipart}): 413 naming the
   * upload's field, {@code file}, like the uploads' own size check.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = invalid(List.of(new FieldError("file", "is larger than the upload limit")));
    problem.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
    problem.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
    problem.setType(URI.create("urn:jiefen:problem:too-large"));
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
  }

  @ExceptionHandler(NotFoundProblem.class)
  ProblemDetail notFound(NotFoundProblem e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setType(URI.create("urn:jiefen:problem:not-found"));
    return problem;
  }

  @ExceptionHandler(ConflictProblem.class)
  ProblemDetail conflict(ConflictProblem e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setType(URI.create("urn:jiefen:problem:conflict"));
    return problem;
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail forbidden(org.springframework.security.access.AccessDeniedException e) {
    try {
      audit.denied(e.getMessage()); // audit: every 403 of the API
    } catch (UnavailableProblem lost) {
      return unavailable(lost);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You may not do this.");
    problem.setType(URI.create("urn:jiefen:problem:forbidden"));
    return problem;
  }

  @ExceptionHandler(UnavailableProblem.class)
  ProblemDetail unavailable(UnavailableProblem e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    problem.setType(URI.create("urn:jiefen:problem:unavailable"));
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return invalid(List.of(new FieldError(e.getName(), "has the wrong format")));
  }

  /** A multipart body that cannot be parsed (cut off, no closing boundary): the client's fault, 400. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ProblemDetail brokenMultipart(org.springframework.web.multipart.MultipartException e) {
    return invalid(List.of(new FieldError("file", "the multipart body cannot be read")));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    LOG.error("unexpected failure", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed. It has been logged.");
    problem.setType(URI.create("urn:jiefen:problem:internal"));
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
            .collect(Collectors.toList());
    ex.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(e -> new FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
            .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof RequestSizeLimit.TooLarge) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is too large.");
        problem.setType(URI.create("urn:jiefen:problem:too-large"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
      }
    }
    String field = "body";
    String message = "is not valid JSON";
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      message = "has the wrong type or format";
    }
    return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, message))));
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    // Spring's own 4xx (method not allowed, unsupported media type, ...) keep their status and a
    // short detail; the exception message may carry internals, so it is not echoed.
    if (body == null) {
      ProblemDetail problem = ProblemDetail.forStatus(statusCode);
      problem.setDetail(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
      body = problem;
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setType(INVALID);
    problem.setTitle("Invalid request");
    problem.setDetail(
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    if (!errors.isEmpty()) {
      problem.setProperty("field", errors.get(0).field());
    }
    problem.setProperty(
        "errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
    return problem;
  }
}
