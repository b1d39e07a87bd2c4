package io.carebook.patients.imports;

import io.carebook.patients.NewPatient;
import io.carebook.patients.Patient.Sex;
import io.carebook.patients.PersonName;
import io.carebook.shared.PhoneNumber;
import io.carebook.shared.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A patient list as clinics keep it in a spreadsheet, saved as CSV (UTF-8, comma or semicolon): a
 * header row naming the columns in English, Spanish or Arabic, then one patient a row. Every row is
 * read and checked on its own, so one bad row is reported, never the whole file refused.
 */
final class PatientList {

  static final int MAX_ROWS = 5000;

  /** One data row (numbered as a spreadsheet shows it, the header being row 1). */
  record Row(int number, NewPatient patient, List<String> errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  private static final Map<String, String> COLUMNS = new HashMap<>();

  static {
    column("fullName", "name", "full name", "patient", "nombre", "nombre completo", "الاسم");
    column("phone", "phone", "mobile", "telephone", "telefono", "celular", "الهاتف", "الموبايل");
    column(
        "dateOfBirth",
        "date of birth",
        "dob",
        "birth date",
        "born",
        "fecha de nacimiento",
        "تاريخ الميلاد");
    column("sex", "sex", "gender", "sexo", "الجنس", "النوع");
    column("email", "email", "e mail", "correo", "correo electronico", "البريد الالكتروني");
    column("address", "address", "direccion", "domicilio", "العنوان");
    column("otherName", "other name", "otro nombre", "الاسم بالانجليزيه");
  }

  private static final Map<String, Sex> SEXES = new HashMap<>();

  static {
    sex(Sex.FEMALE, "f", "female", "woman", "mujer", "femenino", "أنثى", "انثى");
    sex(Sex.MALE, "m", "male", "man", "hombre", "masculino", "ذكر");
    sex(Sex.OTHER, "other", "otro", "آخر");
    sex(Sex.UNKNOWN, "unknown", "desconocido", "غير معروف");
  }

  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

  private PatientList() {}

  /**
   * Reads the file; refuses it (400) only when it is not UTF-8 text with a header naming a full
   * name column, or has more than {@link #MAX_ROWS} rows.
   */
  static List<Row> read(byte[] content, String region, LocalDate today) {
    var text = utf8(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var firstLine = text.lines().findFirst().orElse("");
    var delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
    var format =
        CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    try (var parser = CSVParser.parse(text, format)) {
      var records = parser.getRecords();
      if (records.isEmpty()) {
        throw ProblemException.invalid("file", "is empty");
      }
      var header = header(records.getFirst());
      if (records.size() - 1 > MAX_ROWS) {
        throw ProblemException.invalid("file", "has more than " + MAX_ROWS + " rows");
      }
      var rows = new ArrayList<Row>();
      for (var record : records.subList(1, records.size())) {
        rows.add(row((int) record.getRecordNumber(), record, header, region, today));
      }
      return rows;
    } catch (IOException | IllegalStateException e) {
      throw ProblemException.invalid("file", "is not a CSV file we can read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw ProblemException.invalid("file", "is not a CSV file we can read");
    }
  }

  private static Map<String, Integer> header(CSVRecord record) {
    var header = new HashMap<String, Integer>();
    for (int i = 0; i < record.size(); i++) {
      var field = COLUMNS.get(PersonName.normalize(record.get(i)));
      if (field != null) {
        header.putIfAbsent(field, i);
      }
    }
    if (!header.containsKey("fullName")) {
      throw ProblemException.invalid(
          "file", "needs a header row with a name column (name, nombre or الاسم)");
    }
    return header;
  }

  private static Row row(
      int number, CSVRecord record, Map<String, Integer> header, String region, LocalDate today) {
    var errors = new ArrayList<String>();
    var name = value(record, header, "fullName");
    if (name == null) {
      errors.add("fullName: is required");
    } else if (name.length() > 200) {
      errors.add("fullName: must be at most 200 characters");
    }
    var phone = value(record, header, "phone");
    if (phone != null && PhoneNumber.parse(phone, region).isEmpty()) {
      errors.add("phone: is not a valid phone number");
    }
    var born = date(value(record, header, "dateOfBirth"), today, errors);
    var sex = sex(value(record, header, "sex"), errors);
    var email = value(record, header, "email");
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      errors.add("email: is not an e-mail address");
    }
    var address = value(record, header, "address");
    if (address != null && address.length() > 500) {
      errors.add("address: must be at most 500 characters");
    }
    var other = value(record, header, "otherName");
    var patient =
        new NewPatient(name == null ? "" : name, phone, born, sex, other, null, email, address);
    return new Row(number, patient, List.copyOf(errors));
  }

  private static @Nullable LocalDate date(
      @Nullable String typed, LocalDate today, List<String> errors) {
    if (typed == null) {
      return null;
    }
    var ascii = new StringBuilder();
    typed
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : (char) c));
    for (var format : DATES) {
      try {
        var date = LocalDate.parse(ascii.toString(), format);
        if (date.isAfter(today)) {
          errors.add("dateOfBirth: cannot be in the future");
        }
        return date;
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    errors.add("dateOfBirth: is not a date (YYYY-MM-DD or DD/MM/YYYY)");
    return null;
  }

  private static @Nullable Sex sex(@Nullable String typed, List<String> errors) {
    if (typed == null) {
      return null;
    }
    var sex = SEXES.get(PersonName.normalize(typed));
    if (sex == null) {
      errors.add("sex: is not one of female, male, other, unknown");
    }
    return sex;
  }

  private static @Nullable String value(
      CSVRecord record, Map<String, Integer> header, String field) {
    var index = header.get(field);
    if (index == null || index >= record.size()) {
      return null;
    }
    var value = record.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  private static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw ProblemException.invalid("file", "is not UTF-8 text: save it as 'CSV UTF-8'");
    }
  }

  private static long count(String line, char c) {
    return line.chars().filter(x -> x == c).count();
  }

  private static void column(String field, String... names) {
    for (var name : names) {
      COLUMNS.put(PersonName.normalize(name), field);
    }
  }

  private static void sex(Sex sex, String... names) {
    for (var name : names) {
      SEXES.put(PersonName.normalize(name), sex);
    }
  }
}
