/**
 * Issue 19 (wainbox): the staff inbox's reads over the conversations (the queue, a transcript, the
 * count waiting), the per-clinic conversation settings' writes, and the demo's conversations.
 */
@NullMarked
package io.carebook.conversations.inbox;

import org.jspecify.annotations.NullMarked;
