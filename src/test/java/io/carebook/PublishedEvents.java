package io.carebook;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.core.env.Environment;

/**
 * What the application wrote into the event publication registry, kept after the registry has let
 * go of it: completed publications are deleted at once ({@code
 * spring.modulith.events.completion-mode=delete}), so tests that check what an event carried (no
 * secret in clear) read a copy taken by a trigger on every insert. The copy lives in a schema of
 * its own in the test database only.
 */
public final class PublishedEvents {

  private PublishedEvents() {}

  /** Starts copying (once per database; later calls change nothing). */
  public static void capture(Environment environment) {
    var app = environment.getRequiredProperty("spring.datasource.username");
    OwnerDatabase.jdbc(environment)
        .sql(
            """
            do $$
            begin
              if to_regclass('test_capture.publications') is null then
                create schema test_capture;
                create table test_capture.publications (
                  event_type text not null, serialized_event text not null,
                  publication_date timestamptz not null);
                create function test_capture.copy() returns trigger language plpgsql as $f$
                begin
                  insert into test_capture.publications
                  values (new.event_type, new.serialized_event, new.publication_date);
                  return new;
                end $f$;
                create trigger test_capture_publications after insert on public.event_publication
                  for each row execute function test_capture.copy();
                grant usage on schema test_capture to %1$s;
                grant insert on test_capture.publications to %1$s;
              end if;
            end $$"""
                .formatted('"' + app.replace("\"", "\"\"") + '"'))
        .update();
  }

  /** Every event published since {@code since} (as serialized), separated by spaces. */
  public static String since(Environment environment, Instant since) {
    return OwnerDatabase.jdbc(environment)
        .sql(
            "select coalesce(string_agg(event_type || ' ' || serialized_event, ' '), '')"
                + " from test_capture.publications where publication_date >= ?")
        .param(Timestamp.from(since))
        .query(String.class)
        .single();
  }
}
