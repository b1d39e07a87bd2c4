package io.carebook.shared.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces with personal data masked: driver messages may quote the values of a row. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

  @Override
  protected String throwableProxyToString(IThrowableProxy proxy) {
    return PersonalData.mask(super.throwableProxyToString(proxy));
  }
}
