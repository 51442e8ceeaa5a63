package org.jiefen.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documents Jiefen generates. {@code id} names the template ({@code documents/templates/<id>.txt})
 * and the worker's {@code document} header; {@code code} ends the document number; documents with
 * {@code fullIdentity} carry parties' full ID and phone numbers (the signed originals and the court
 * application need them), all others show names only.
 */
public enum DocumentType {
  MEDIATION_AGREEMENT("mediation-agreement", "人民调解协议书", "TJXY", true),
  CONFIRMATION_APPLICATION("confirmation-application", "司法确认申请书", "SFQR", true),
  MEDIATION_TERMINATION("mediation-termination", "终止调解告知书", "ZZTJ", false),
  PETITION_ACCEPTANCE("petition-acceptance", "受理告知书", "XFSL", false),
  PETITION_NON_ACCEPTANCE("petition-non-acceptance", "不予受理告知书", "XFBSL", false),
  PETITION_OPINION("petition-opinion", "信访事项处理意见书", "XFYJ", false),
  CASE_FILE_COVER("case-file-cover", "卷宗封面", "JZML", false);

  private final String id;
  private final String title;
  private final String code;
  private final boolean fullIdentity;

  DocumentType(String id, String title, String code, boolean fullIdentity) {
    this.id = id;
    this.title = title;
    this.code = code;
    this.fullIdentity = fullIdentity;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public boolean fullIdentity() {
    return fullIdentity;
  }

  /** The document number: the case number and the type's code, e.g. {@code MD-20261122-7K3QX-TJXY}. */
  public String number(String caseId) {
    return caseId + "-" + code;
  }

  public static Optional<DocumentType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
