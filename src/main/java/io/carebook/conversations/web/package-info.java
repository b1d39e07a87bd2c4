/**
 * Issue 19 (wainbox): the staff inbox's pages (the queue, a conversation with its actions), the
 * clinic's conversation settings page, and the requests that need a human from the public booking
 * page and from agents.
 */
@NullMarked
package io.carebook.conversations.web;

import org.jspecify.annotations.NullMarked;
