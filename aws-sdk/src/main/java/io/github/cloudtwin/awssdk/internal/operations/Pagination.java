package io.github.cloudtwin.awssdk.internal.operations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Cuts lists into pages as AWS does, with opaque {@code NextToken}s. Tokens are stateless (they
 * encode the position and the operation), so any client of the twin can continue a listing, and an
 * invalid or foreign token fails the way AWS answers it.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Pagination {

  private final String service;
  private final String invalidTokenCode;

  /**
   * Creates the paginator of one service.
   *
   * @param service a short service name mixed into tokens (tokens of one service fail on another)
   * @param invalidTokenCode the error code for a bad token, such as {@code InvalidNextToken}
   */
  public Pagination(String service, String invalidTokenCode) {
    this.service = service;
    this.invalidTokenCode = invalidTokenCode;
  }

  /**
   * The page that starts at {@code nextToken} (null: the first page).
   *
   * @param operation the operation name, mixed into the token
   * @param all every item, in AWS's order
   * @param nextToken the token given, or null
   * @param maxRecords the page size given, or null for {@code defaultSize}
   * @param defaultSize the page size AWS uses when none is given
   * @param maxSize the largest page size AWS accepts
   * @param field the request field that carries the page size (for the error message)
   * @param <T> the type of the items
   * @return the page that starts at {@code nextToken} (null: the first page)
   */
  public <T> Page<T> page(
      String operation,
      List<T> all,
      @Nullable String nextToken,
      @Nullable Integer maxRecords,
      int defaultSize,
      int maxSize,
      String field) {
    int size = maxRecords == null ? defaultSize : maxRecords;
    if (maxRecords != null && (maxRecords < 1 || maxRecords > maxSize)) {
      throw AwsErrorException.constraint(
          validationCode(),
          field,
          maxRecords,
          maxRecords < 1
              ? "Member must have value greater than or equal to 1"
              : "Member must have value less than or equal to " + maxSize);
    }
    int from = nextToken == null ? 0 : decode(operation, nextToken);
    if (from > all.size()) {
      throw AwsErrorException.badRequest(
          invalidTokenCode, "The token '" + nextToken + "' is invalid.");
    }
    int to = Math.min(all.size(), from + size);
    String next = to < all.size() ? encode(operation, to) : null;
    return new Page<>(all.subList(from, to), next);
  }

  private String validationCode() {
    return switch (service) {
      case "monitoring" -> "InvalidParameterValue";
      case "ecs" -> "InvalidParameterException";
      case "application-autoscaling" -> "ValidationException";
      default -> "ValidationError";
    };
  }

  private String encode(String operation, int offset) {
    String raw = service + ":" + operation + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private int decode(String operation, String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String prefix = service + ":" + operation + ":";
      if (raw.startsWith(prefix)) {
        int offset = Integer.parseInt(raw.substring(prefix.length()));
        if (offset > 0) return offset;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw AwsErrorException.badRequest(invalidTokenCode, "The token '" + token + "' is invalid.");
  }
}
