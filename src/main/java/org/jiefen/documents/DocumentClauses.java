package org.jiefen.documents;

/** Where documents get the wording of their adaptable clauses: the administrators' version, else the shipped one. */
@FunctionalInterface
public interface DocumentClauses {

  /** The shipped wording of every clause. */
  DocumentClauses DEFAULTS = DocumentClause::defaultText;

  /** The plain text of the clause (lines are paragraphs); never null. */
  String text(DocumentClause clause);
}
