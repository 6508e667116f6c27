package io.github.cloudtwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Meta-annotation for an annotation by which another extension injects twin resources (such as
 * {@code @FromStack("WebServerGroup") AutoScalingGroup group} of cloudtwin-cloudformation): {@link
 * CloudTwinExtension} leaves parameters carrying it to that extension instead of resolving them by
 * type, so the two do not compete.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ResolvedElsewhere {}
