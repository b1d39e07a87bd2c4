/**
 * AI agents: the Model Context Protocol server at {@code /api/mcp}, through which an agent holding
 * one clinic's API key finds times, negotiates, books, moves, cancels and confirms appointments,
 * checks patients in and reads the clinic's hours, prices, address and FAQ — each call under the
 * key's permissions, rate-limited and audited as the agent, through the same use cases as the REST
 * API. Also the clinic's FAQ itself ({@link io.carebook.agents.ClinicFaq}).
 */
@ApplicationModule(
    allowedDependencies = {
      "shared",
      "tenancy",
      "tenancy :: demo",
      "identity",
      "patients",
      "scheduling",
      "frontdesk"
    })
@NullMarked
package io.carebook.agents;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
