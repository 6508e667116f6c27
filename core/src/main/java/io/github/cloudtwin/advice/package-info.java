/**
 * Scaling advice: findings about a twin's configuration (such as thresholds that make a group
 * flap), read from its estate and timeline.
 */
@NullMarked
package io.github.cloudtwin.advice;

import org.jspecify.annotations.NullMarked;
