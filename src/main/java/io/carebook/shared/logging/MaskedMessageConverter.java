package io.carebook.shared.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} with personal data masked. */
public class MaskedMessageConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return PersonalData.mask(event.getFormattedMessage());
  }
}
