package io.github.cloudtwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Meta-annotation for an annotation by which another extension injects twin resources (such as
 * {@code @FromStack("WebServerGroup") AutoScalingGroup group} of cloudtwin-cloudformation): {@link
 * CloudTwinExtension} leaves parameters carrying it to that extension instead of resolving them by
 * type, so the two do not compete.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface ResolvedElsewhere {}
