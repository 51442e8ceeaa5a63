package org.jiefen.pii;

/**
 * A number failed validation. The message never contains the value itself: exceptions end up in
 * logs and problem bodies, and a rejected ID number is still someone's personal data.
 */
public class InvalidPiiException extends IllegalArgumentException {

  private final PiiReason reason;

  public InvalidPiiException(PiiReason reason) {
    super(reason.code() + ": " + reason.messageEn() + " / " + reason.messageZh());
    this.reason = reason;
  }

  public PiiReason reason() {
    return reason;
  }

  public String code() {
    return reason.code();
  }

  public String messageZh() {
    return reason.messageZh();
  }

  public String messageEn() {
    return reason.messageEn();
  }
}
