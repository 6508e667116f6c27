/**
 * {@code @CloudFormationStack} for JUnit: a stack imported into the test's twin, its resources
 * injected by logical id.
 */
@NullMarked
package io.github.cloudtwin.cloudformation.junit;

import org.jspecify.annotations.NullMarked;
