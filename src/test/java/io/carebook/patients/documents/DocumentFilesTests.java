package io.carebook.patients.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Documents' files without Spring: told by their bytes, shown under a sanitized name. */
class DocumentFilesTests {

  @Test
  void documentsAreToldByTheirBytesAndShownUnderASanitizedName() {
    assertThat(DocumentFiles.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
        .contains(DocumentFiles.Type.PDF);
    assertThat(DocumentFiles.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
        .contains(DocumentFiles.Type.JPEG);
    assertThat(DocumentFiles.sniff("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
        .isEmpty();
    assertThat(DocumentFiles.sanitizedName("C:\\scans\\..\\تحليل دم.PDF", DocumentFiles.Type.PDF))
        .isEqualTo("تحليل دم.pdf");
    assertThat(DocumentFiles.sanitizedName("photo.exe", DocumentFiles.Type.PNG))
        .isEqualTo("photo.png");
    assertThat(DocumentFiles.sanitizedName("..", DocumentFiles.Type.JPEG))
        .isEqualTo("document.jpg");
    assertThat(DocumentFiles.sanitizedName("a".repeat(300) + ".pdf", DocumentFiles.Type.PDF))
        .hasSize(120);
  }
}
