package org.jiefen.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/cases}. */
public record NewCase(
    @NotBlank @Pattern(regexp = "mediation", message = "must be mediation (petitions arrive with the petition process)")
        String kind,
    @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_LINE, message = PLAIN_MESSAGE) String title,
    @Size(max = 5000) @Pattern(regexp = PLAIN_TEXT, message = PLAIN_MESSAGE) String description,
    @NotBlank
        @Pattern(
            regexp = "neighbour|family|labour|land|property_management|consumer|traffic|medical|other",
            message = "must be one of neighbour, family, labour, land, property_management, consumer, traffic, medical, other")
        String category,
    // The amount in dispute, in yuan: triage sends large disputes to a higher level.
    @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) java.math.BigDecimal amount,
    @NotBlank
        @Pattern(
            regexp = "walk_in|hotline_12345|grid_app|online|letter|phone|court|police",
            message = "must be one of walk_in, hotline_12345, grid_app, online, letter, phone, court, police")
        String channel,
    @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit unit code") String unitCode,
    @NotEmpty @Size(max = 20) List<@Valid Party> parties) {

  // Case text is shown on screens, in documents and in mail: markup and control characters have
  // no place in it, so they are refused at the door rather than escaped everywhere later.
  // (Chinese book-title marks 《》 are other characters and stay allowed.)
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
}
