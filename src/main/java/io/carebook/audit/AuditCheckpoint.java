package io.carebook.audit;

import io.carebook.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed statement of what a tenant's audit chain was: its first {@code seq} rows end in the link
 * whose hash is {@code head}. Kept outside the database (downloaded by the owner, or sent to a
 * configured address), it lets anyone tell later whether those rows were rewritten since, even by
 * someone who could rewrite the whole database and its chain.
 *
 * <p>The signature is Ed25519 over {@link #signedText()}; the file is JSON (see {@link #json()}).
 */
public record AuditCheckpoint(
    TenantId tenant, long seq, byte[] head, Instant signedAt, byte[] publicKey, byte[] signature) {

  static final String FORMAT = "carebook-audit-checkpoint/1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The exact text the signature covers, one field a line. */
  public String signedText() {
    return FORMAT
        + "\ntenant="
        + tenant.value()
        + "\nseq="
        + seq
        + "\nhead="
        + HexFormat.of().formatHex(head)
        + "\nsigned_at="
        + signedAt
        + "\n";
  }

  byte[] signedBytes() {
    return signedText().getBytes(StandardCharsets.UTF_8);
  }

  /** The checkpoint as the owner downloads it. */
  public String json() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("format", FORMAT);
    fields.put("tenant", tenant.value().toString());
    fields.put("seq", seq);
    fields.put("head", HexFormat.of().formatHex(head));
    fields.put("signedAt", signedAt.toString());
    fields.put("publicKey", Base64.getEncoder().encodeToString(publicKey));
    fields.put("signature", Base64.getEncoder().encodeToString(signature));
    fields.put("signedText", signedText());
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fields);
  }

  /** Reads a downloaded checkpoint; IllegalArgumentException when it is not one. */
  public static AuditCheckpoint parse(String json) {
    try {
      Map<?, ?> fields = JSON.readValue(json, Map.class);
      if (!FORMAT.equals(fields.get("format"))) {
        throw new IllegalArgumentException("not an audit checkpoint");
      }
      return new AuditCheckpoint(
          new TenantId(UUID.fromString((String) fields.get("tenant"))),
          ((Number) fields.get("seq")).longValue(),
          HexFormat.of().parseHex((String) fields.get("head")),
          Instant.parse((String) fields.get("signedAt")),
          Base64.getDecoder().decode((String) fields.get("publicKey")),
          Base64.getDecoder().decode((String) fields.get("signature")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an audit checkpoint", e);
    }
  }
}
