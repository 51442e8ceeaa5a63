package org.jiefen.documents;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Document templates: Thymeleaf in TEXT mode producing the layout markup. A file
 * {@code <id>.txt} in the override directory wins over the one shipped in the jar
 * ({@code documents/templates/<id>.txt}); files there are read fresh on every use, so an
 * administrator's change applies to the next document without a restart.
 */
public final class DocumentTemplates {

  static final String CLASSPATH = "documents/templates/";
  static final String SUFFIX = ".txt";

  private final TemplateEngine engine;
  private final Path overrideDir;

  /** @param overrideDir where administrators put their own templates; null or missing for none */
  public DocumentTemplates(Path overrideDir) {
    this.overrideDir = overrideDir;
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setEnableSpringELCompiler(true);
    if (overrideDir != null) {
      FileTemplateResolver files = new FileTemplateResolver();
      configure(files, overrideDir.toAbsolutePath() + "/", 1);
      files.setCacheable(false);
      engine.addTemplateResolver(files);
    }
    ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver(DocumentTemplates.class.getClassLoader());
    configure(shipped, CLASSPATH, 2);
    shipped.setCacheable(true);
    engine.addTemplateResolver(shipped);
    this.engine = engine;
  }

  /**
   * The markup for a document. A template that fails (a typo an administrator made) is an
   * {@link IllegalArgumentException}: retrying would fail the same way.
   */
  public String render(DocumentType type, Map<String, Object> variables) {
    try {
      return engine.process(type.id(), new Context(Locale.SIMPLIFIED_CHINESE, variables));
    } catch (TemplateEngineException e) {
      throw new IllegalArgumentException("document template " + type.id() + " failed: " + e.getMessage(), e);
    }
  }

  /** Whether the override directory holds a file for this type. */
  boolean replaced(DocumentType type) {
    return overrideDir != null && java.nio.file.Files.isRegularFile(overrideDir.resolve(type.id() + SUFFIX));
  }

  private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
    resolver.setPrefix(prefix);
    resolver.setSuffix(SUFFIX);
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
  }
}
