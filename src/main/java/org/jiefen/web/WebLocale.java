package org.jiefen.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface's language: Simplified Chinese unless the user switched to English
 * ({@code ?lang=en}, kept in a cookie). Other languages fall back to Chinese, since only these two
 * bundles exist.
 */
@Configuration(proxyBeanMethods = false)
class WebLocale implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

  /**
   * The bundles of {@code spring.messages.basename}. Declared here because Boot's own message source
   * only appears when a bundle without a language suffix exists, and ours are all zh_CN or en.
   */
  @Bean
  MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasenames(basenames);
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    messages.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    return messages;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("jiefen-lang");
    resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> Locale.SIMPLIFIED_CHINESE);
    return new SupportedLocales(resolver);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }

  /** Narrows whatever the cookie or the switch says to a language the bundles have. */
  private record SupportedLocales(CookieLocaleResolver delegate) implements LocaleResolver {

    @Override
    public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
      return narrow(delegate.resolveLocale(request));
    }

    @Override
    public void setLocale(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
        Locale locale) {
      delegate.setLocale(request, response, locale == null ? null : narrow(locale));
    }

    private static Locale narrow(Locale locale) {
      return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }
  }
}
