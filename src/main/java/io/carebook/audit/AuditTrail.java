package io.carebook.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The facade other modules record through: views of health data and security events. Writes need no
 * call: the database records them. The tenant and actor come from the context.
 */
@Service
public class AuditTrail {

  /** Security events from identity. */
  public enum SecurityEvent {
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    SIGNED_OUT,
    TOKEN_ISSUED,
    TOKEN_FAMILY_REVOKED,
    EMAIL_CONFIRMED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_CHANGED,
    INVITATION_ACCEPTED,
    MFA_ENABLED,
    MFA_DISABLED,
    MFA_VERIFIED,
    MFA_FAILED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_REGENERATED,
    MFA_POLICY_CHANGED,
    SIGN_IN_LINK_REQUESTED
  }

  private final JdbcClient jdbc;

  AuditTrail(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records that the current actor viewed a record of health data (a chart, a note, a prescription,
   * a document), in the reading transaction, which therefore must not be read-only: the view and
   * its record commit together.
   */
  @Transactional
  public void viewed(String entityType, String entityId, @Nullable UUID patientId) {
    record("ACCESS", "VIEW", entityType, entityId, patientId, null);
  }

  /**
   * Records that someone not signed in read health data through a public code or link ({@code
   * through} says which): the actor is anonymous, the source is the request's address. Like {@link
   * #viewed}, in the reading transaction.
   */
  @Transactional
  public void viewedAnonymously(
      String entityType, String entityId, @Nullable UUID patientId, String through) {
    record("ACCESS", "VIEW", entityType, entityId, patientId, "anonymous: " + through);
  }

  /**
   * Records that the current actor saw a clinical safety warning (an allergy, a duplicate
   * medication) about a record of a patient and knowingly went on: action {@code
   * SAFETY_WARNING_ACKNOWLEDGED}, kept with the security events as it is a deliberate override.
   */
  @Transactional
  public void safetyWarningAcknowledged(
      String entityType, String entityId, UUID patientId, String detail) {
    record("SECURITY", "SAFETY_WARNING_ACKNOWLEDGED", entityType, entityId, patientId, detail);
  }

  /** Records a security event; tenant-less when no tenant is known yet. */
  @Transactional
  public void security(SecurityEvent event, @Nullable String subject, @Nullable String detail) {
    record("SECURITY", event.name(), "user", subject, null, detail);
  }

  private void record(
      String kind,
      String action,
      String entityType,
      @Nullable String entityId,
      @Nullable UUID patientId,
      @Nullable String detail) {
    jdbc.sql("select audit_record(?, ?, ?, ?, ?, ?, ?)")
        .params(kind, action, entityType, entityId, patientId, source(), detail)
        .query()
        .listOfRows();
  }

  /** Where the request came from: address and client, as far as the server can tell. */
  private static @Nullable String source() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)) {
      return null;
    }
    HttpServletRequest request = attrs.getRequest();
    var agent = request.getHeader("User-Agent");
    return request.getRemoteAddr()
        + (agent == null ? "" : " " + agent.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }
}
