package org.jiefen.pii;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's {@code %wEx} with numbers masked: exception messages quote input values
 * ("For input string: ...") as often as log messages do.
 */
public class MaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return Masking.maskText(super.throwableProxyToString(tp));
  }
}
