package io.github.cloudtwin.elb;

import io.github.cloudtwin.internal.kernel.Require;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A listener-rule condition: {@code path-pattern}, {@code host-header} or {@code http-header}. The
 * values may use {@code *} (any characters) and {@code ?} (one character); a condition matches when
 * any value matches. Paths are case-sensitive, host and header values are not.
 *
 * @param field {@code path-pattern}, {@code host-header} or {@code http-header}
 * @param httpHeaderName the header name for {@code http-header}, else null
 * @param values 1-5 patterns
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RuleCondition(String field, @Nullable String httpHeaderName, List<String> values) {

  /**
   * Validates and copies.
   *
   * @param field {@code path-pattern}, {@code host-header} or {@code http-header}
   * @param httpHeaderName the header name for {@code http-header}, else null
   * @param values 1-5 patterns
   */
  public RuleCondition {
    Require.oneOf("Conditions.Field", field, List.of("path-pattern", "host-header", "http-header"));
    if (field.equals("http-header"))
      Require.name("HttpHeaderConfig.HttpHeaderName", httpHeaderName);
    else if (httpHeaderName != null)
      throw new ValidationException(
          "HttpHeaderConfig.HttpHeaderName", httpHeaderName, "only for http-header");
    values =
        java.util.Collections.unmodifiableList(
            new java.util.ArrayList<>(Require.notNull("Conditions.Values", values)));
    if (values.isEmpty() || values.size() > 5)
      throw new ValidationException("Conditions.Values", values, "1 to 5 values");
    for (String v : values) {
      Require.name("Conditions.Values", v);
      if (v.length() > 128)
        throw new ValidationException("Conditions.Values", v, "at most 128 characters");
    }
  }

  /**
   * Matches the request path (case-sensitive), such as {@code /api/*}.
   *
   * @param patterns the patterns
   * @return the condition
   */
  public static RuleCondition pathPattern(String... patterns) {
    return new RuleCondition(
        "path-pattern",
        null,
        java.util.Arrays.asList(Require.notNull("Conditions.Values", patterns)));
  }

  /**
   * Matches the Host header (case-insensitive), such as {@code *.example.com}.
   *
   * @param patterns the patterns
   * @return the condition
   */
  public static RuleCondition hostHeader(String... patterns) {
    return new RuleCondition(
        "host-header",
        null,
        java.util.Arrays.asList(Require.notNull("Conditions.Values", patterns)));
  }

  /**
   * Matches a request header's value (case-insensitive).
   *
   * @param name the name
   * @param patterns the patterns
   * @return the condition
   */
  public static RuleCondition httpHeader(String name, String... patterns) {
    return new RuleCondition(
        "http-header",
        name,
        java.util.Arrays.asList(Require.notNull("Conditions.Values", patterns)));
  }

  /** The part of the request this condition looks at, or null when absent. */
  @Nullable String subject(Request r) {
    switch (field) {
      case "path-pattern":
        {
          String p = r.path();
          int q = p.indexOf('?');
          return q >= 0 ? p.substring(0, q) : p;
        }
      case "host-header":
        return r.host();
      default:
        return r.header(
            Objects.requireNonNull(httpHeaderName, "an http-header condition names its header"));
    }
  }

  boolean matches(Request r) {
    String subject = subject(r);
    if (subject == null) return false;
    boolean ignoreCase = !field.equals("path-pattern");
    for (String v : values) {
      if (wildcard(v, ignoreCase).matcher(subject).matches()) return true;
    }
    return false;
  }

  static Pattern wildcard(String glob, boolean ignoreCase) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') re.append(".*");
      else if (c == '?') re.append('.');
      else re.append(Pattern.quote(String.valueOf(c)));
    }
    return ignoreCase
        ? Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        : Pattern.compile(re.toString());
  }

  @Override
  public String toString() {
    return field
        + (httpHeaderName == null ? "" : "(" + httpHeaderName.toLowerCase(Locale.ROOT) + ")")
        + " "
        + values;
  }
}
