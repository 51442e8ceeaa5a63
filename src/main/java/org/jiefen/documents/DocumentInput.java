package org.jiefen.documents;

import java.util.List;
import java.util.function.Function;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;

/**
 * Everything a document is made from: the case file (with its protected numbers), its timeline,
 * the task record a process hands over ({@code record}, may be null), and how to name units and
 * users. The same input always gives the same PDF.
 */
public record DocumentInput(
    CaseFile file,
    List<CaseEvent> timeline,
    CaseEvent record,
    Function<String, String> unitName,
    Function<String, String> userName) {}
