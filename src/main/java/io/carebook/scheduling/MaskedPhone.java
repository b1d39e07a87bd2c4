package io.carebook.scheduling;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * A phone number shown to whoever holds the page, masked: the country's calling code and the last
 * two digits ("+34 •••• ••12"), enough for the patient to recognise their number and no more.
 */
final class MaskedPhone {

  private MaskedPhone() {}

  static String of(String e164) {
    var last = e164.substring(Math.max(1, e164.length() - 2));
    try {
      var code = PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode();
      return "+" + code + " •••• ••" + last;
    } catch (NumberParseException e) {
      return "•••• ••" + last;
    }
  }
}
