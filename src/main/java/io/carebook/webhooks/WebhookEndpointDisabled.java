package io.carebook.webhooks;

import io.carebook.shared.ClinicId;
import io.carebook.shared.TenantId;
import io.carebook.shared.TenantScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * An endpoint failed every attempt for longer than allowed ({@code
 * carebook.webhooks.disable-after}, 5 days by default) and was disabled; its pending deliveries
 * were given up. Notifications tells the owners of the clinic it was registered at.
 */
public record WebhookEndpointDisabled(
    TenantId tenantId, ClinicId clinicId, UUID endpointId, String url, Instant failingSince)
    implements TenantScoped {}
