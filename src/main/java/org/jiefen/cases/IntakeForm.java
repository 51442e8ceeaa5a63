package org.jiefen.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The intake page's form as posted: every field a string as typed, so that a wrong value comes back
 * to the clerk as they typed it. {@link #toNewCase} turns it into the API's {@link NewCase}, with
 * the fields of the other kind left out and the values that do not even parse named in {@code errors}.
 */
public class IntakeForm {

  /** One party row. */
  public static class PartyRow {
    private String name;
    private String role;
    private String idNumber;
    private String phone;
    private String email;

    public PartyRow() {}

    PartyRow(String role) {
      this.role = role;
    }

    boolean blank() {
      return Arrays.asList(name, idNumber, phone, email).stream().allMatch(IntakeForm::isBlank);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
  }

  private String kind = "mediation";
  private String title;
  private String description;
  private String category;
  private String channel;
  private String unitCode;
  private String amount;
  private List<PartyRow> parties = new ArrayList<>();
  private String petitionKind;
  private String confidential;
  private String accused;
  private String visitors;
  private String visitedAt;
  private String representatives;
  private String receivedBy;
  private String hotlineOrder;

  /** An empty form of the kind: two parties for a dispute, the petitioner for a petition. */
  static IntakeForm blank(String kind, String unitCode) {
    IntakeForm form = new IntakeForm();
    form.kind = "petition".equals(kind) ? "petition" : "mediation";
    form.unitCode = unitCode;
    form.parties.add(new PartyRow("applicant"));
    if (form.isMediation()) {
      form.parties.add(new PartyRow("respondent"));
    }
    return form;
  }

  public boolean isMediation() {
    return !"petition".equals(kind);
  }

  /**
   * The request, or null when some field does not parse (then {@code errors} names it). Empty
   * party rows beyond the first are left out; {@code rows} receives the form row of each party
   * the request keeps, so that a problem with {@code parties[i]} is shown at the right row.
   */
  NewCase toNewCase(ZoneId zone, Map<String, String> errors, List<Integer> rows) {
    List<NewCase.Party> list = new ArrayList<>();
    for (int i = 0; i < parties.size(); i++) {
      PartyRow p = parties.get(i);
      if (p == null || (p.blank() && i > 0)) {
        continue;
      }
      rows.add(i);
      list.add(new NewCase.Party(trim(p.name), trim(p.role), trim(p.idNumber), trim(p.phone), trim(p.email)));
    }
    BigDecimal money = null;
    if (isMediation() && !isBlank(amount)) {
      try {
        money = new BigDecimal(amount.strip().replace(",", ""));
      } catch (NumberFormatException e) {
        errors.put("amount", "intake.error.amount");
      }
    }
    NewCase.Visit visit = null;
    if (!isMediation() && "visit".equals(channel)) {
      Integer count = integer("visit.visitors", visitors, errors);
      Integer reps = integer("visit.representatives", representatives, errors);
      java.time.OffsetDateTime at = null;
      if (!isBlank(visitedAt)) {
        try {
          LocalDateTime local = LocalDateTime.parse(visitedAt.strip());
          at = local.atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
          errors.put("visit.visitedAt", "intake.error.visit.visitedAt");
        }
      }
      visit = new NewCase.Visit(count, at, null, reps, trim(receivedBy));
    }
    if (!errors.isEmpty()) {
      return null;
    }
    boolean petition = !isMediation();
    List<String> accusedNames = petition && !isBlank(accused)
        ? accused.lines().map(String::strip).filter(s -> !s.isEmpty()).toList()
        : null;
    return new NewCase(
        petition ? "petition" : "mediation",
        trim(title),
        trim(description),
        trim(category),
        money,
        trim(channel),
        trim(unitCode),
        list,
        petition ? trim(petitionKind) : null,
        petition && !isBlank(confidential) ? Boolean.valueOf(confidential) : null,
        accusedNames == null || accusedNames.isEmpty() ? null : accusedNames,
        visit,
        petition && "hotline_12345".equals(channel) ? trim(hotlineOrder) : null);
  }

  private static Integer integer(String field, String raw, Map<String, String> errors) {
    if (isBlank(raw)) {
      return null;
    }
    try {
      return Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      errors.put(field, "intake.error." + field);
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String trim(String s) {
    return isBlank(s) ? null : s.strip();
  }

  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getChannel() { return channel; }
  public void setChannel(String channel) { this.channel = channel; }
  public String getUnitCode() { return unitCode; }
  public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
  public String getAmount() { return amount; }
  public void setAmount(String amount) { this.amount = amount; }
  public List<PartyRow> getParties() { return parties; }
  public void setParties(List<PartyRow> parties) { this.parties = parties; }
  public String getPetitionKind() { return petitionKind; }
  public void setPetitionKind(String petitionKind) { this.petitionKind = petitionKind; }
  public String getConfidential() { return confidential; }
  public void setConfidential(String confidential) { this.confidential = confidential; }
  public String getAccused() { return accused; }
  public void setAccused(String accused) { this.accused = accused; }
  public String getVisitors() { return visitors; }
  public void setVisitors(String visitors) { this.visitors = visitors; }
  public String getVisitedAt() { return visitedAt; }
  public void setVisitedAt(String visitedAt) { this.visitedAt = visitedAt; }
  public String getRepresentatives() { return representatives; }
  public void setRepresentatives(String representatives) { this.representatives = representatives; }
  public String getReceivedBy() { return receivedBy; }
  public void setReceivedBy(String receivedBy) { this.receivedBy = receivedBy; }
  public String getHotlineOrder() { return hotlineOrder; }
  public void setHotlineOrder(String hotlineOrder) { this.hotlineOrder = hotlineOrder; }
}
