package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awswire.WireRequest;
import io.github.cloudtwin.awswire.WireResponse;
import io.github.cloudtwin.cloudwatch.MetricInjection;
import io.github.cloudtwin.kernel.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The loopback endpoint's control API, for users outside JUnit: {@code /_cloudtwin/...} with query
 * parameters, answering small JSON documents.
 *
 * <ul>
 *   <li>{@code GET /_cloudtwin/time}: the virtual time;
 *   <li>{@code POST /_cloudtwin/advance?seconds=N} (or {@code minutes=N}): advances virtual time;
 *   <li>{@code POST /_cloudtwin/inject-metric?metric=M&group=G|instance=I&value=V[&minutes=N]}:
 *       injects a constant value from now on, for N minutes (60 by default);
 *   <li>{@code POST /_cloudtwin/fail-zone?zone=Z}, {@code POST /_cloudtwin/restore-zone?zone=Z}.
 * </ul>
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ControlApi {

  /** The path prefix of the control API. */
  public static final String PREFIX = "/_cloudtwin/";

  private final CloudTwin twin;

  /**
   * The control API of a twin.
   *
   * @param twin the twin
   */
  public ControlApi(CloudTwin twin) {
    this.twin = twin;
  }

  /**
   * Answers one control request.
   *
   * @param request the request (its path starts with {@link #PREFIX})
   * @return the answer
   */
  public WireResponse handle(WireRequest request) {
    String action = request.path().substring(PREFIX.length());
    Map<String, String> params = new LinkedHashMap<>();
    try {
      QueryCodec.parseForm(request.rawQuery(), params);
      if (request.mediaType().equals("application/x-www-form-urlencoded")) {
        QueryCodec.parseForm(new String(request.body(), StandardCharsets.UTF_8), params);
      }
      boolean post = request.method().equals("POST");
      switch (action) {
        case "time":
          return time();
        case "advance":
          requirePost(post);
          twin.advance(duration(params));
          return time();
        case "inject-metric":
          requirePost(post);
          return injectMetric(params);
        case "fail-zone":
          requirePost(post);
          String failed = required(params, "zone");
          twin.faults().failZone(failed);
          return json(200, "{\"zone\":" + quote(failed) + ",\"state\":\"failed\"}");
        case "restore-zone":
          requirePost(post);
          String restored = required(params, "zone");
          twin.faults().restoreZone(restored);
          return json(200, "{\"zone\":" + quote(restored) + ",\"state\":\"available\"}");
        default:
          return error(
              404,
              "UnknownControlAction",
              "no control action "
                  + action
                  + " (time, advance, inject-metric, fail-zone, restore-zone)");
      }
    } catch (WireError e) {
      return error(e.status(), e.code(), e.getMessage());
    } catch (ValidationException e) {
      return error(400, "ValidationError", e.getMessage());
    } catch (RuntimeException e) {
      return error(500, "InternalFailure", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static void requirePost(boolean post) {
    if (!post)
      throw new WireError(
          405, "MethodNotAllowed", "control actions that change the twin take POST");
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null || v.isBlank())
      throw new WireError(400, "MissingParameter", "parameter " + name + " is required");
    return v;
  }

  private static long number(Map<String, String> params, String name) {
    try {
      return Long.parseLong(required(params, name).trim());
    } catch (NumberFormatException e) {
      throw new WireError(
          400,
          "InvalidParameterValue",
          "parameter " + name + " must be a whole number, not " + params.get(name));
    }
  }

  private static Duration duration(Map<String, String> params) {
    Duration d;
    if (params.containsKey("seconds")) d = Duration.ofSeconds(number(params, "seconds"));
    else if (params.containsKey("minutes")) d = Duration.ofMinutes(number(params, "minutes"));
    else throw new WireError(400, "MissingParameter", "parameter seconds or minutes is required");
    if (d.isNegative() || d.isZero()) {
      throw new WireError(
          400, "InvalidParameterValue", "the duration to advance must be positive, not " + d);
    }
    return d;
  }

  private WireResponse injectMetric(Map<String, String> params) {
    String metric = required(params, "metric");
    double value;
    try {
      value = Double.parseDouble(required(params, "value"));
    } catch (NumberFormatException e) {
      throw new WireError(
          400,
          "InvalidParameterValue",
          "parameter value must be a number, not " + params.get("value"));
    }
    long minutes = params.containsKey("minutes") ? number(params, "minutes") : 60;
    if (minutes <= 0)
      throw new WireError(400, "InvalidParameterValue", "parameter minutes must be positive");
    MetricInjection.Builder b = MetricInjection.metric(metric);
    if (params.containsKey("group")) b.forGroup(params.get("group"));
    else b.forInstance(required(params, "instance"));
    Duration from = twin.elapsed();
    twin.cloudWatch().inject(b.between(from, from.plusMinutes(minutes)).constant(value));
    return json(
        200,
        "{\"metric\":"
            + quote(metric)
            + ",\"value\":"
            + value
            + ",\"from\":"
            + quote(twin.now().toString())
            + ",\"to\":"
            + quote(twin.now().plus(Duration.ofMinutes(minutes)).toString())
            + "}");
  }

  private WireResponse time() {
    Instant now = twin.now();
    return json(
        200,
        "{\"now\":"
            + quote(now.toString())
            + ",\"elapsedSeconds\":"
            + twin.elapsed().toSeconds()
            + "}");
  }

  private static WireResponse error(int status, String code, @Nullable String message) {
    return json(
        status,
        "{\"error\":"
            + quote(code)
            + ",\"message\":"
            + quote(message == null ? "" : message)
            + "}");
  }

  private static WireResponse json(int status, String body) {
    return new WireResponse(
        status,
        Map.of("Content-Type", "application/json"),
        (body + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
