/**
 * Generated documents (人民调解协议书, 司法确认申请书, notices, 卷宗封面): templates in
 * {@code documents/templates/} (Thymeleaf TEXT mode producing the line markup of
 * {@link org.jiefen.documents.layout.Markup}), typeset to PDF/A-2b by {@code layout}, stored
 * encrypted by SHA-256 and listed in the case file through {@link org.jiefen.cases.CaseDocuments}.
 * Documents are Chinese only. Owns the document store.
 */
package org.jiefen.documents;
