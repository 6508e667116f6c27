/**
 * Waiting on virtual time: {@link io.github.cloudtwin.await.CloudTwinAwait} offers Awaitility's
 * vocabulary and advances the twin's clock between checks instead of sleeping.
 */
@NullMarked
package io.github.cloudtwin.await;

import org.jspecify.annotations.NullMarked;
