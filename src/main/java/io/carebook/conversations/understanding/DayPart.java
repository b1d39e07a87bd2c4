package io.carebook.conversations.understanding;

/**
 * A part of the day named without an hour: "in the morning", "por la tarde", "الصبح". Clinics read
 * them as MORNING before 12:00, AFTERNOON 12:00-17:00 and EVENING from 17:00.
 */
public enum DayPart {
  MORNING,
  AFTERNOON,
  EVENING
}
