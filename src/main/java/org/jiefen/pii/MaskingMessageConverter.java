package org.jiefen.pii;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m} with ID and mobile numbers masked. logback-spring.xml registers it under
 * the built-in words {@code m}, {@code msg} and {@code message}, so any pattern an operator
 * configures is covered too, not only ours.
 */
public class MaskingMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return Masking.maskText(super.convert(event));
  }
}
