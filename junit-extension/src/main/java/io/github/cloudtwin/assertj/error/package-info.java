/**
 * The failure messages of CloudTwin's AssertJ assertions: what was expected, what the twin did, and
 * the slice of the timeline that shows it.
 */
@NullMarked
package io.github.cloudtwin.assertj.error;

import org.jspecify.annotations.NullMarked;
