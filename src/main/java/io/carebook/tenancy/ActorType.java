package io.carebook.tenancy;

/** Who is acting: a person, an integration or AI agent through an API key, or a system job. */
public enum ActorType {
  HUMAN,
  AGENT,
  SYSTEM
}
