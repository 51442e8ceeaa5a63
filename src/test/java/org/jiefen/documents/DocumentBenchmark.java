package org.jiefen.documents;

import java.util.Locale;

/**
 * Documents per second on one thread, first-document latency and bytes per document.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.jiefen.documents.DocumentBenchmark [-Dbench.type=confirmation-application -Dbench.seconds=20]
 * </pre>
 *
 * The cold figure is the first document in a fresh JVM: font parsing, template compilation and
 * class loading included. Then 3 s of warm-up and {@code bench.seconds} of rendering the same
 * case file (template, layout, PDF/A writing, SHA-256), one document at a time.
 */
public final class DocumentBenchmark {

  public static void main(String[] args) {
    DocumentType type = DocumentType.byId(System.getProperty("bench.type", "confirmation-application")).orElseThrow();
    int seconds = Integer.getInteger("bench.seconds", 20);
    DocumentInput input = SampleCases.input(type);

    long coldStart = System.nanoTime();
    DocumentRenderer renderer = SampleCases.renderer();
    RenderedDocument first = renderer.render(type, input);
    double coldMs = (System.nanoTime() - coldStart) / 1e6;

    run(renderer, type, input, 3_000_000_000L);
    long start = System.nanoTime();
    int count = run(renderer, type, input, seconds * 1_000_000_000L);
    double elapsed = (System.nanoTime() - start) / 1e9;

    System.out.printf(Locale.ROOT, "type %s: %d pages, %d bytes (%.1f KB)%n", type.id(), first.pages(), first.pdf().length,
        first.pdf().length / 1024.0);
    System.out.printf(Locale.ROOT, "first document (cold, font parsing included): %.0f ms%n", coldMs);
    System.out.printf(Locale.ROOT, "one thread, after warm-up: %d documents in %.1f s = %.1f documents/s (%.1f ms each)%n",
        count, elapsed, count / elapsed, elapsed * 1000 / count);
  }

  private static int run(DocumentRenderer renderer, DocumentType type, DocumentInput input, long nanos) {
    long end = System.nanoTime() + nanos;
    int count = 0;
    while (System.nanoTime() < end) {
      renderer.render(type, input);
      count++;
    }
    return count;
  }
}
