/**
 * The typed facts the timeline carries (sealed {@link io.github.cloudtwin.facts.Fact} records, one
 * family per service): reports, assertions and listeners read these, never message text.
 */
@NullMarked
package io.github.cloudtwin.facts;

import org.jspecify.annotations.NullMarked;
