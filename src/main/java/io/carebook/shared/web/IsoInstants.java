package io.carebook.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an instant as the API always has ({@link Instant#toString()}, {@code
 * 2026-12-08T07:15:00Z}), for answers that carry hundreds of them: whole seconds of the years 1970
 * to 9999 are written from their fields, without the JDK's formatter, which appends a character at
 * a time (about a third of writing availability's ~200 slots); any other instant goes through
 * {@link Instant#toString()}. Used with {@code @JsonSerialize(using = IsoInstants.class)}.
 */
public final class IsoInstants extends StdSerializer<Instant> {

  private static final long SECONDS_A_DAY = 86_400;
  private static final long YEAR_10000 = 253_402_300_800L; // 10000-01-01T00:00:00Z

  public IsoInstants() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator json, SerializationContext context) {
    var seconds = value.getEpochSecond();
    if (value.getNano() != 0 || seconds < 0 || seconds >= YEAR_10000) {
      json.writeString(value.toString());
      return;
    }
    var text = new char[20];
    var date = LocalDate.ofEpochDay(seconds / SECONDS_A_DAY);
    var time = (int) (seconds % SECONDS_A_DAY);
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time / 3600, 2);
    text[13] = ':';
    digits(text, 14, time / 60 % 60, 2);
    text[16] = ':';
    digits(text, 17, time % 60, 2);
    text[19] = 'Z';
    json.writeString(text, 0, text.length);
  }

  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
