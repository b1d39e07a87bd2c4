package io.carebook.frontdesk;

/**
 * Why a patient goes ahead in the queue, most urgent first: the declaration order is the queue
 * order ({@link DeskBoard}).
 */
public enum Priority {
  EMERGENCY,
  ELDERLY,
  FOLLOW_UP,
  NONE
}
