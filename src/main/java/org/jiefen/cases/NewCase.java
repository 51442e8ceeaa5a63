package org.jiefen.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/v1/cases}: a dispute for mediation or a petition (信访事项). What each
 * kind requires beyond the shapes checked here is checked by {@link NewCaseRules}, so that every
 * wrong field of a request is named in one answer.
 */
@NewCaseRules.Valid
public record NewCase(
    @NotBlank @Pattern(regexp = "mediation|petition", message = "must be mediation or petition") String kind,
    @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String title,
    @Size(max = 5000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_MESSAGE) String description,
    // required for mediation (triage routes on it), optional for a petition
    @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
    // The amount in dispute, in yuan: triage sends large disputes to a higher level. Mediation only.
    @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) java.math.BigDecimal amount,
    // the channels of each kind: NewCaseRules.MEDIATION_CHANNELS, NewCaseRules.PETITION_CHANNELS
    @NotBlank
        @Pattern(
            regexp = "walk_in|hotline_12345|grid_app|online|letter|phone|court|police|visit|fax",
            message = "must be one of walk_in, hotline_12345, grid_app, online, letter, phone, court, police (mediation)"
                + " or visit, letter, phone, online, hotline_12345, fax (petition)")
        String channel,
    @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit unit code") String unitCode,
    @NotEmpty @Size(max = 20) List<@Valid Party> parties,
    // petitions only: 建议意见 suggestion, 检举控告 report, 申诉求决 claim
    @Pattern(regexp = "suggestion|report|claim", message = "must be suggestion, report or claim") String petitionKind,
    // petitions only: a report is confidential unless this says false; other kinds only when this says true
    Boolean confidential,
    // reports only: the names of the people or bodies the report accuses, kept as keyed hashes only
    @Size(max = 20) List<@NotBlank @Size(max = 50) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String> accused,
    // channel visit only, and required there: the 来访登记
    @Valid Visit visit,
    // channel hotline_12345 only: the 12345 work order number
    @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and hyphens") String hotlineOrder) {

  // Case text is shown on screens, in documents and in mail: markup and control characters have
  // no place in it, so they are refused at the door rather than escaped everywhere later.
  // (Chinese book-title marks 《》 are other characters and stay allowed.)
  /** The dispute categories (mediation triage routes on them). */
  public static final String CATEGORY = "neighbour|family|labour|land|property_management|consumer|traffic|medical|other";
  public static final String CATEGORY_MESSAGE =
      "must be one of neighbour, family, labour, land, property_management, consumer, traffic, medical, other";
  public static final String PLAIN_LINE = "[^<>\\p{Cntrl}]*";
  public static final String PLAIN_TEXT = "[^<>\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
  public static final String PLAIN_MESSAGE = "must not contain < or > or control characters";

  public record Party(
      @NotBlank @Size(max = 50) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String name,
      @NotBlank @Pattern(regexp = "applicant|respondent|third_party", message = "must be applicant, respondent or third_party")
          String role,
      @Size(max = 20) String idNumber,
      @Size(max = 20) String phone,
      // Jakarta's @Email accepts CR/LF in quoted local parts; mail headers must never see them.
      @Email @Size(max = 254) @Pattern(regexp = "[^\\r\\n]*", message = "must not contain line breaks") String email) {}

  /**
   * The record of a visit (来访登记): how many came, when, whether it was a group visit (集体访, five
   * or more; derived from {@code visitors} when left out), how many representatives were received
   * (at most five, 信访工作条例 Art. 19) and who received them (the registrar when left out).
   */
  public record Visit(
      @NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 9999, message = "must be at most 9999")
          Integer visitors,
      @NotNull OffsetDateTime visitedAt,
      Boolean groupVisit,
      @Min(value = 1, message = "must be at least 1")
          @Max(value = 5, message = "must be at most 5: a group visit sends at most five representatives (Art. 19)")
          Integer representatives,
      @Size(max = 50) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String receivedBy) {}
}
