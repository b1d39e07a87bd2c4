package io.carebook.tenancy;

import java.time.ZoneId;
import java.util.Locale;

/** What it takes to open a clinic. */
public record NewClinic(
    String name, ZoneId timezone, Locale locale, String currency, String country) {}
