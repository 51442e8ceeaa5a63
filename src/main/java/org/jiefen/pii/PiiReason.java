package org.jiefen.pii;

/**
 * Why a number was refused. The codes name no field on purpose: the same ID number check serves
 * applicant, respondent and agent, and only the API layer knows which field it was.
 */
public enum PiiReason {
  ID_NUMBER_BLANK("id-number.blank", "身份证号码不能为空", "ID number is empty"),
  ID_NUMBER_LENGTH("id-number.length", "身份证号码应为18位", "ID number must have 18 characters"),
  ID_NUMBER_FORMAT(
      "id-number.format",
      "身份证号码应为17位数字加1位校验码（数字或X）",
      "ID number must be 17 digits followed by a digit or X"),
  ID_NUMBER_ADDRESS_CODE(
      "id-number.address-code", "身份证号码的地址码无效", "ID number has an invalid address code"),
  ID_NUMBER_BIRTH_DATE(
      "id-number.birth-date", "身份证号码中的出生日期无效", "ID number has an invalid date of birth"),
  ID_NUMBER_CHECK_DIGIT(
      "id-number.check-digit", "身份证号码校验码不正确", "ID number check digit is wrong"),
  PHONE_BLANK("phone.blank", "手机号码不能为空", "mobile number is empty"),
  PHONE_FORMAT(
      "phone.format",
      "手机号码应为以13–19开头的11位数字",
      "mobile number must be 11 digits starting with 13 to 19");

  private final String code;
  private final String messageZh;
  private final String messageEn;

  PiiReason(String code, String messageZh, String messageEn) {
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** Stable code for API problem bodies and message bundles. */
  public String code() {
    return code;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return messageEn;
  }
}
