package org.jiefen.documents;

import static org.jiefen.documents.layout.Markup.escape;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseEvidence;
import org.jiefen.cases.CaseFile;
import org.jiefen.documents.layout.PdfBundle;
import org.jiefen.documents.layout.PdfRenderer;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.UserDirectory;
import org.springframework.stereotype.Service;

/**
 * The case-file bundle (案卷) of a closed case, one PDF/A-2b document: the cover
 * ({@link DocumentType#CASE_FILE_COVER}), an index of the bundle's files (卷内文件目录: each document
 * with its page range and SHA-256, and the evidence files with theirs), then every generated
 * document of the case in the order the file lists them. Made from the file, its timeline and the
 * stored documents only, so the same closed case gives the same bytes. Stored under its SHA-256.
 */
@Service
public class CaseFileBundle {

  /** Title and number of the bundle's index. */
  static final String INDEX_TITLE = "卷内文件目录";
  static final String INDEX_CODE = "JNML";

  /** One document in the bundle: the pages it takes (1-based, inclusive). */
  public record Entry(String type, String title, String number, String sha256, int firstPage, int lastPage) {}

  /** The stored bundle. */
  public record Bundle(String sha256, int pages, long bytes, List<Entry> entries) {}

  private final DocumentRenderer renderer;
  private final DocumentStore store;
  private final UnitDirectory units;
  private final UserDirectory users;

  CaseFileBundle(DocumentRenderer renderer, DocumentStore store, UnitDirectory units, UserDirectory users) {
    this.renderer = renderer;
    this.store = store;
    this.units = units;
    this.users = users;
  }

  /**
   * Builds the bundle and stores it (the same bytes are stored once).
   *
   * @throws IllegalStateException when a document the file lists is not in the store (retrying may help
   *     only if the store is away; the archive leaves the case for later)
   */
  public Bundle build(CaseFile file, List<CaseEvent> timeline) {
    DocumentInput input = new DocumentInput(file, timeline, null,
        code -> units.find(code).map(Unit::name).orElse(null),
        username -> users.find(username).map(AppUser::displayName).orElse(null));
    RenderedDocument cover = renderer.render(DocumentType.CASE_FILE_COVER, input);
    List<CaseDocument> documents = new ArrayList<>();
    List<byte[]> pdfs = new ArrayList<>();
    for (CaseDocument d : file.documents() == null ? List.<CaseDocument>of() : file.documents()) {
      if (d.type().equals(DocumentType.CASE_FILE_COVER.id())) {
        continue; // the bundle has its own cover
      }
      documents.add(d);
      pdfs.add(store.get(d.sha256()).orElseThrow(
          () -> new IllegalStateException("document " + d.sha256() + " of case " + file.id() + " is not stored")));
    }
    ZonedDateTime date = date(file);
    String indexNumber = file.id() + "-" + INDEX_CODE;
    // the index lists its own pages: typeset until the page count it assumed is the one it has
    int indexPages = 1;
    PdfRenderer.Rendered index;
    List<Entry> entries;
    while (true) {
      entries = entries(cover, indexNumber, indexPages, documents);
      index = renderer.renderMarkup(indexMarkup(entries, file.evidence()), INDEX_TITLE, indexNumber, input, date);
      if (index.pages() == indexPages) {
        break;
      }
      indexPages = index.pages();
    }
    List<PdfBundle.Part> parts = new ArrayList<>();
    parts.add(new PdfBundle.Part(cover.title(), cover.pdf()));
    parts.add(new PdfBundle.Part(INDEX_TITLE, index.pdf()));
    for (int i = 0; i < documents.size(); i++) {
      parts.add(new PdfBundle.Part(documents.get(i).title() + "（" + documents.get(i).number() + "）", pdfs.get(i)));
    }
    PdfBundle.Merged merged = PdfBundle.merge(parts, "案卷 " + file.id(), date);
    String sha = DocumentRenderer.sha256(merged.pdf());
    store.put(sha, merged.pdf());
    return new Bundle(sha, merged.pages(), merged.pdf().length, entries);
  }

  private static List<Entry> entries(RenderedDocument cover, String indexNumber, int indexPages, List<CaseDocument> documents) {
    List<Entry> entries = new ArrayList<>();
    int page = 1;
    entries.add(new Entry(DocumentType.CASE_FILE_COVER.id(), cover.title(), cover.number(), cover.sha256(), page,
        page + cover.pages() - 1));
    page += cover.pages();
    entries.add(new Entry("case-file-index", INDEX_TITLE, indexNumber, null, page, page + indexPages - 1));
    page += indexPages;
    for (CaseDocument d : documents) {
      entries.add(new Entry(d.type(), d.title(), d.number(), d.sha256(), page, page + d.pages() - 1));
      page += d.pages();
    }
    return entries;
  }

  private static String indexMarkup(List<Entry> entries, List<CaseEvidence> evidence) {
    StringBuilder m = new StringBuilder();
    m.append("# ").append(INDEX_TITLE).append('\n');
    m.append("%space 1\n%columns 2 9 3 10\n");
    m.append("|! 序号 | 文件名称 | 页次 | SHA-256\n");
    int no = 1;
    for (Entry e : entries) {
      String pages = e.firstPage() == e.lastPage() ? Integer.toString(e.firstPage()) : e.firstPage() + "–" + e.lastPage();
      m.append("| ").append(no++).append(" | ").append(escape(e.title() + "（" + e.number() + "）"))
          .append(" | ").append(pages).append(" | ").append(e.sha256() == null ? "—" : spaced(e.sha256())).append('\n');
    }
    m.append("%space 2\n## 证据材料\n");
    List<CaseEvidence> files = evidence == null ? List.of() : evidence;
    if (files.isEmpty()) {
      m.append("- 无\n");
    } else {
      m.append("%columns 2 9 3 10\n|! 序号 | 名称 | 类型 | SHA-256\n");
      int n = 1;
      for (CaseEvidence e : files) {
        String label = e.description() == null || e.description().isBlank() ? e.label() : e.label() + "：" + e.description();
        m.append("| ").append(n++).append(" | ").append(escape(org.jiefen.pii.Masking.maskText(label)))
            .append(" | ").append(escape(e.type())).append(" | ").append(spaced(e.sha256())).append('\n');
      }
    }
    m.append("%space 1\n- 文书的 SHA-256 为其单独存档文件的摘要；证据材料另行加密保存，不并入本卷。\n");
    return m.toString();
  }

  /** A hash in groups of eight, so the line breaker can wrap it in a narrow column. */
  private static String spaced(String sha) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < sha.length(); i += 8) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(sha, i, Math.min(sha.length(), i + 8));
    }
    return s.toString();
  }

  private static ZonedDateTime date(CaseFile file) {
    java.time.Instant at = file.closed() != null ? file.closed() : file.updated() != null ? file.updated() : file.created();
    return at.atZone(DocumentModel.CHINA);
  }
}
