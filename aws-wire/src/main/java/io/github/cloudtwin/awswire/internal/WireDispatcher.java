package io.github.cloudtwin.awswire.internal;

import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.awswire.WireRequest;
import io.github.cloudtwin.awswire.WireResponse;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Decodes a request of any of the protocols, finds its service and operation, calls the twin's
 * in-process client and encodes the answer or the error. Never lets an exception escape: a bug
 * answers 500 {@code InternalFailure} without a stack trace.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class WireDispatcher {

  /** The largest body answered; a larger one gets 413. */
  public static final int MAX_BODY_BYTES = RequestBodies.MAX_BODY_BYTES;

  private static final Map<String, WireService> BY_SIGNING_NAME = new HashMap<>();
  private static final Map<String, WireService> BY_TARGET_PREFIX = new HashMap<>();
  private static final Map<String, WireService> BY_SMITHY_SERVICE = new HashMap<>();
  private static final Map<String, WireService> BY_QUERY_VERSION = new HashMap<>();

  static {
    for (WireService s : WireService.values()) {
      BY_SIGNING_NAME.put(s.signingName(), s);
      if (s.jsonTargetPrefix() != null) BY_TARGET_PREFIX.put(s.jsonTargetPrefix(), s);
      if (s.smithyService() != null) BY_SMITHY_SERVICE.put(s.smithyService(), s);
      if (s.queryVersion() != null) BY_QUERY_VERSION.put(s.queryVersion(), s);
    }
  }

  private final AwsSdkClients sdk;
  private final Map<WireService, Object> clients = new EnumMap<>(WireService.class);
  private final AtomicLong requests = new AtomicLong();

  /**
   * A dispatcher over one twin's clients.
   *
   * @param sdk the clients
   */
  public WireDispatcher(AwsSdkClients sdk) {
    this.sdk = sdk;
    for (WireService s : WireService.values()) clients.put(s, s.client(sdk));
  }

  /** {@return the twin's clients} */
  public AwsSdkClients sdk() {
    return sdk;
  }

  /**
   * Answers one request.
   *
   * @param request the request
   * @return the response (an AWS error response for bad input)
   */
  public WireResponse handle(WireRequest request) {
    String requestId = nextRequestId();
    Protocol protocol = Protocol.QUERY;
    WireService service = null;
    try {
      String target = request.header("X-Amz-Target");
      boolean cbor =
          request.header("Smithy-Protocol") != null || request.path().startsWith("/service/");
      protocol = cbor ? Protocol.CBOR : target != null ? Protocol.JSON : Protocol.QUERY;
      request = RequestBodies.decompressed(request);
      if (cbor) {
        protocol = Protocol.CBOR;
        String[] parts = request.path().split("/");
        // "", "service", name, "operation", operation
        service =
            parts.length == 5 && parts[1].equals("service") && parts[3].equals("operation")
                ? BY_SMITHY_SERVICE.get(parts[2])
                : null;
        return cbor(request, service, parts.length == 5 ? parts[4] : "", requestId);
      }
      if (target != null) {
        protocol = Protocol.JSON;
        String prefix =
            target.lastIndexOf('.') < 0 ? target : target.substring(0, target.lastIndexOf('.'));
        service = BY_TARGET_PREFIX.get(prefix);
        return json(request, target, service, requestId);
      }
      Map<String, String> params = new LinkedHashMap<>();
      QueryCodec.parseForm(request.rawQuery(), params);
      if (request.body().length > 0) {
        String type = request.mediaType();
        if (!type.equals("application/x-www-form-urlencoded")) {
          throw new WireError(
              415,
              "UnsupportedMediaType",
              "Content-Type "
                  + (type.isEmpty() ? "(none)" : type)
                  + " is not accepted here: awsQuery requests are application/x-www-form-urlencoded, awsJson requests carry"
                  + " X-Amz-Target, Smithy RPC v2 CBOR requests Smithy-Protocol: rpc-v2-cbor");
        }
        RequestBodies.checkSize(request);
        QueryCodec.parseForm(new String(request.body(), StandardCharsets.UTF_8), params);
      }
      service = queryService(request, params);
      protocol = service != null && service.ec2() ? Protocol.EC2 : Protocol.QUERY;
      return query(params, service, requestId);
    } catch (WireError e) {
      return error(protocol, service, e, requestId);
    } catch (RuntimeException e) {
      return error(protocol, service, internal(e), requestId);
    }
  }

  private static WireError internal(@Nullable Throwable e) {
    if (e == null)
      return new WireError(500, "InternalFailure", "CloudTwin could not answer this request");
    return new WireError(
        500,
        "InternalFailure",
        "CloudTwin could not answer this request: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
  }

  private String nextRequestId() {
    long n = requests.incrementAndGet();
    return String.format(Locale.ROOT, "c10d7a1e-0000-4000-8000-%012x", n);
  }

  // --- awsQuery and EC2 -------------------------------------------------------------------------

  private static @Nullable WireService queryService(
      WireRequest request, Map<String, String> params) {
    WireService byScope = BY_SIGNING_NAME.get(signingName(request.header("Authorization")));
    if (byScope != null && byScope.queryVersion() != null) return byScope;
    String host = request.header("Host");
    if (host != null) {
      int dot = host.indexOf('.');
      WireService byHost = BY_SIGNING_NAME.get(dot < 0 ? host : host.substring(0, dot));
      if (byHost != null && byHost.queryVersion() != null) return byHost;
    }
    String version = params.get("Version");
    if (version != null && BY_QUERY_VERSION.containsKey(version))
      return BY_QUERY_VERSION.get(version);
    String action = params.get("Action");
    WireService found = null;
    for (WireService s : WireService.values()) {
      if (s.queryVersion() != null && action != null && s.operation(action) != null) {
        if (found != null) return null;
        found = s;
      }
    }
    return found;
  }

  /** The service of a SigV4 {@code Authorization} header's credential scope, or {@code null}. */
  static @Nullable String signingName(@Nullable String authorization) {
    if (authorization == null) return null;
    int credential = authorization.indexOf("Credential=");
    if (credential < 0) return null;
    int end = authorization.indexOf(',', credential);
    String[] scope =
        authorization.substring(credential + 11, end < 0 ? authorization.length() : end).split("/");
    return scope.length >= 5 ? scope[3] : null;
  }

  private WireResponse query(
      Map<String, String> params, @Nullable WireService service, String requestId) {
    String action = params.get("Action");
    if (service == null) {
      throw new WireError(
          400,
          action == null ? "MissingAction" : "InvalidAction",
          action == null
              ? "The request must contain the parameter Action"
              : "Could not tell which service the action "
                  + action
                  + " is for: sign the request (SigV4) or send Version");
    }
    if (action == null || action.isEmpty()) {
      throw new WireError(400, "MissingAction", "The request must contain the parameter Action");
    }
    Operation op = service.operation(action);
    if (op == null) {
      throw new WireError(
          400, "InvalidAction", "The action " + action + " is not valid for this web service.");
    }
    NavigableMap<String, String> sorted = new TreeMap<>(params);
    String malformed =
        service.ec2()
            ? "InvalidParameterValue"
            : service == WireService.CLOUDWATCH ? "InvalidParameterValue" : "ValidationError";
    Object sdkRequest = QueryCodec.decode(op.newRequestBuilder(), sorted, service.ec2(), malformed);
    SdkPojo response = invoke(service, op, sdkRequest);
    String xml =
        QueryCodec.encode(
            op.name(),
            response,
            Objects.requireNonNull(
                service.xmlNamespace(), "an awsQuery service has an XML namespace"),
            service.ec2(),
            requestId);
    return new WireResponse(
        200,
        Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId),
        xml.getBytes(StandardCharsets.UTF_8));
  }

  // --- awsJson
  // ------------------------------------------------------------------------------------

  private WireResponse json(
      WireRequest request, String target, @Nullable WireService service, String requestId) {
    int dot = target.lastIndexOf('.');
    Operation op = service == null || dot < 0 ? null : service.operation(target.substring(dot + 1));
    if (op == null || service == null) {
      throw new WireError(
          400,
          "UnknownOperationException",
          "X-Amz-Target "
              + target
              + " names no operation of "
              + (service == null ? "a service CloudTwin serves" : "this service"));
    }
    String type = request.mediaType();
    if (!type.startsWith("application/x-amz-json-")
        && !type.equals("application/json")
        && request.body().length > 0) {
      throw new WireError(
          415,
          "UnsupportedMediaType",
          "Content-Type "
              + (type.isEmpty() ? "(none)" : type)
              + " is not accepted here: awsJson requests are application/x-amz-json-"
              + service.jsonVersion());
    }
    RequestBodies.checkSize(request);
    Object sdkRequest = JsonCodec.JSON.decode(op.newRequestBuilder(), request.body());
    SdkPojo response = invoke(service, op, sdkRequest);
    return new WireResponse(
        200,
        Map.of(
            "Content-Type",
            "application/x-amz-json-" + service.jsonVersion(),
            "x-amzn-RequestId",
            requestId),
        JsonCodec.JSON.encode(response));
  }

  // --- Smithy RPC v2 CBOR
  // -------------------------------------------------------------------------

  private WireResponse cbor(
      WireRequest request, @Nullable WireService service, String operation, String requestId) {
    Operation op = service == null ? null : service.operation(operation);
    if (op == null || service == null) {
      throw new WireError(
          404,
          "UnknownOperationException",
          "The path "
              + request.path()
              + " names no operation of a service CloudTwin serves over Smithy RPC v2 CBOR");
    }
    String protocol = request.header("Smithy-Protocol");
    if (!"rpc-v2-cbor".equals(protocol)) {
      throw new WireError(
          400, "SerializationException", "Smithy-Protocol must be rpc-v2-cbor, not " + protocol);
    }
    String type = request.mediaType();
    if (request.body().length > 0 && !type.equals("application/cbor")) {
      throw new WireError(
          415,
          "UnsupportedMediaType",
          "Content-Type "
              + (type.isEmpty() ? "(none)" : type)
              + " is not accepted here: Smithy RPC v2 CBOR requests are application/cbor");
    }
    RequestBodies.checkSize(request);
    Object sdkRequest = JsonCodec.CBOR.decode(op.newRequestBuilder(), request.body());
    SdkPojo response = invoke(service, op, sdkRequest);
    return new WireResponse(
        200,
        Map.of(
            "Content-Type",
            "application/cbor",
            "Smithy-Protocol",
            "rpc-v2-cbor",
            "x-amzn-RequestId",
            requestId),
        JsonCodec.CBOR.encode(response));
  }

  // --- calling the twin
  // ---------------------------------------------------------------------------

  private SdkPojo invoke(WireService service, Operation op, Object sdkRequest) {
    try {
      return (SdkPojo) op.method().invoke(clients.get(service), sdkRequest);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AwsServiceException a) {
        String code = a.awsErrorDetails() != null ? a.awsErrorDetails().errorCode() : null;
        String message =
            a.awsErrorDetails() != null ? a.awsErrorDetails().errorMessage() : a.getMessage();
        throw new ServiceError(
            a.statusCode() == 0 ? 400 : a.statusCode(),
            code == null ? "InternalFailure" : code,
            message == null ? "" : message,
            a.getClass().getSimpleName());
      }
      if (cause instanceof UnsupportedOperationException u) {
        throw new WireError(400, "UnsupportedOperation", u.getMessage());
      }
      throw internal(cause);
    } catch (IllegalAccessException e) {
      throw internal(e);
    }
  }

  /** A modeled exception of the service: its class names the JSON error type. */
  static final class ServiceError extends WireError {
    private final String exceptionName;

    ServiceError(int status, String code, String message, String exceptionName) {
      super(status, code, message);
      this.exceptionName = exceptionName;
    }
  }

  // --- errors
  // -------------------------------------------------------------------------------------

  private WireResponse error(
      Protocol protocol, @Nullable WireService service, WireError e, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    byte[] body;
    switch (protocol) {
      case QUERY, EC2 -> {
        headers.put("Content-Type", "text/xml");
        body =
            QueryCodec.encodeError(
                    e,
                    service == null ? null : service.xmlNamespace(),
                    protocol == Protocol.EC2,
                    requestId)
                .getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        String type = jsonType(service, e);
        if (service != null && service.queryCompatible())
          headers.put("x-amzn-query-error", e.code() + ";" + e.type());
        if (protocol == Protocol.CBOR) {
          headers.put("Content-Type", "application/cbor");
          headers.put("Smithy-Protocol", "rpc-v2-cbor");
          body = JsonCodec.CBOR.encodeError(type, e.getMessage());
        } else {
          headers.put(
              "Content-Type",
              "application/x-amz-json-" + (service == null ? "1.1" : service.jsonVersion()));
          headers.put("x-amzn-ErrorType", type);
          body = JsonCodec.JSON.encodeError(type, e.getMessage());
        }
      }
    }
    return new WireResponse(e.status(), headers, body);
  }

  /**
   * The JSON error type: for query-compatible CloudWatch the modeled exception's shape name (the
   * SDKs map it to the exception class; the awsQuery code travels in {@code x-amzn-query-error}),
   * otherwise the error code.
   */
  private static String jsonType(@Nullable WireService service, WireError e) {
    if (service != null && service.queryCompatible() && e instanceof ServiceError s) {
      return switch (s.exceptionName) {
        case "LimitExceededException" -> "LimitExceededFault";
        case "InvalidFormatException" -> "InvalidFormatFault";
        case "InvalidNextTokenException" -> "InvalidNextToken";
        case "ResourceConflictException" -> "ResourceConflict";
        case "InternalServiceException" -> "InternalServiceFault";
        case "CloudWatchException" -> e.code();
        default -> s.exceptionName;
      };
    }
    return e.code();
  }

  /** The protocols. */
  enum Protocol {
    QUERY,
    EC2,
    JSON,
    CBOR
  }
}
