/**
 * The real HTTP data plane: a loopback HTTP/1.1 listener per load balancer that answers or proxies
 * each request as the load balancer routes it.
 */
@NullMarked
package io.github.cloudtwin.http;

import org.jspecify.annotations.NullMarked;
