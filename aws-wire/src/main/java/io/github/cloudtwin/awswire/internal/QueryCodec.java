package io.github.cloudtwin.awswire.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * awsQuery and EC2 query: form parameters to an SDK request ({@code Name.member.N}, {@code
 * Name.entry.N.key}, EC2's always-flattened {@code Name.N}) and an SDK response to XML, both driven
 * by the model's {@link SdkField}s.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class QueryCodec {

  private QueryCodec() {}

  /**
   * Parses {@code application/x-www-form-urlencoded} text into parameters (later ones win).
   *
   * @param form the form text
   * @param into the parameters to add to
   * @throws WireError on a malformed escape
   */
  public static void parseForm(String form, Map<String, String> into) {
    if (form.isEmpty()) return;
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      try {
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        into.put(key, value);
      } catch (IllegalArgumentException e) {
        throw new WireError(
            400,
            "MalformedQueryString",
            "The query string contains a syntax error near '" + pair + "'");
      }
    }
  }

  /**
   * Builds a request from parameters.
   *
   * @param builder the request's empty builder
   * @param params the parameters (Action and Version included; they are ignored)
   * @param ec2 whether lists are always flattened (EC2)
   * @param malformedCode the error code of a value of the wrong type
   * @return the request
   */
  public static Object decode(
      SdkPojo builder, NavigableMap<String, String> params, boolean ec2, String malformedCode) {
    return new Decoder(params, ec2, malformedCode).struct(builder, "");
  }

  private record Decoder(NavigableMap<String, String> params, boolean ec2, String malformedCode) {

    Object struct(SdkPojo builder, String prefix) {
      for (SdkField<?> field : builder.sdkFields()) {
        if (field.location() != MarshallLocation.PAYLOAD
            && field.location() != MarshallLocation.QUERY_PARAM) continue;
        Object value = value(field, prefix + field.locationName());
        if (value != null) field.set(builder, value);
      }
      return ((SdkBuilder<?, ?>) builder).build();
    }

    boolean hasPrefix(String prefix) {
      String next = params.ceilingKey(prefix);
      return next != null && next.startsWith(prefix);
    }

    @Nullable Object value(SdkField<?> field, String key) {
      switch (field.marshallingType().getKnownType()) {
        case LIST:
          {
            ListTrait list = field.getTrait(ListTrait.class);
            if ("".equals(params.get(key))) return new ArrayList<>();
            String member = list.memberFieldInfo().locationName();
            String itemPrefix =
                ec2 || list.isFlattened() || member == null ? key + "." : key + "." + member + ".";
            List<Object> items = new ArrayList<>();
            for (int i = 1; ; i++) {
              String itemKey = itemPrefix + i;
              if (!params.containsKey(itemKey) && !hasPrefix(itemKey + ".")) break;
              items.add(value(list.memberFieldInfo(), itemKey));
            }
            return items.isEmpty() ? null : items;
          }
        case MAP:
          {
            MapTrait map = field.getTrait(MapTrait.class);
            String entryPrefix = map.isFlattened() ? key + "." : key + ".entry.";
            Map<String, Object> entries = new LinkedHashMap<>();
            for (int i = 1; ; i++) {
              String entryKey = entryPrefix + i + ".";
              String k = params.get(entryKey + map.keyLocationName());
              if (k == null) break;
              entries.put(k, value(map.valueFieldInfo(), entryKey + map.valueLocationName()));
            }
            return entries.isEmpty() ? null : entries;
          }
        case SDK_POJO:
          if (!hasPrefix(key + ".")) return null;
          return struct(field.constructor().get(), key + ".");
        default:
          {
            String text = params.get(key);
            return text == null ? null : Scalars.parse(field, key, text, malformedCode);
          }
      }
    }
  }

  /**
   * Writes a response as the query protocols' XML.
   *
   * @param operation the operation's name
   * @param response the SDK response
   * @param namespace the service's XML namespace
   * @param ec2 EC2's dialect: no result wrapper, {@code requestId} first
   * @param requestId the request id
   * @return the XML document
   */
  public static String encode(
      String operation, SdkPojo response, String namespace, boolean ec2, String requestId) {
    StringBuilder xml = new StringBuilder(512).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    xml.append('<').append(operation).append("Response xmlns=\"").append(namespace).append("\">");
    if (ec2) {
      element(xml, "requestId", requestId);
      fields(xml, response);
    } else {
      xml.append('<').append(operation).append("Result>");
      fields(xml, response);
      xml.append("</").append(operation).append("Result>");
      xml.append("<ResponseMetadata>");
      element(xml, "RequestId", requestId);
      xml.append("</ResponseMetadata>");
    }
    return xml.append("</").append(operation).append("Response>").toString();
  }

  /**
   * Writes an error as awsQuery's {@code ErrorResponse} (or EC2's {@code Response}).
   *
   * @param error the error
   * @param namespace the service's XML namespace
   * @param ec2 EC2's dialect
   * @param requestId the request id
   * @return the XML document
   */
  public static String encodeError(
      WireError error, @Nullable String namespace, boolean ec2, String requestId) {
    StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    if (ec2) {
      xml.append("<Response><Errors><Error>");
      element(xml, "Code", error.code());
      element(xml, "Message", error.getMessage());
      xml.append("</Error></Errors>");
      element(xml, "RequestID", requestId);
      return xml.append("</Response>").toString();
    }
    xml.append("<ErrorResponse xmlns=\"")
        .append(namespace == null ? "" : namespace)
        .append("\"><Error>");
    element(xml, "Type", error.type());
    element(xml, "Code", error.code());
    element(xml, "Message", error.getMessage());
    xml.append("</Error>");
    element(xml, "RequestId", requestId);
    return xml.append("</ErrorResponse>").toString();
  }

  private static void fields(StringBuilder xml, SdkPojo pojo) {
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() != MarshallLocation.PAYLOAD) continue;
      Object value = field.getValueOrDefault(pojo);
      if (value == null
          || value instanceof SdkAutoConstructList
          || value instanceof SdkAutoConstructMap) continue;
      String name =
          field.unmarshallLocationName() != null
              ? field.unmarshallLocationName()
              : field.locationName();
      value(xml, field, name, value);
    }
  }

  private static void value(StringBuilder xml, SdkField<?> field, String name, Object value) {
    switch (field.marshallingType().getKnownType()) {
      case LIST:
        {
          ListTrait list = field.getTrait(ListTrait.class);
          SdkField<?> member = list.memberFieldInfo();
          if (list.isFlattened()) {
            for (Object item : (List<?>) value) value(xml, member, name, item);
            return;
          }
          String memberName =
              list.memberLocationName() != null
                  ? list.memberLocationName()
                  : member.unmarshallLocationName() != null
                      ? member.unmarshallLocationName()
                      : "member";
          xml.append('<').append(name).append('>');
          for (Object item : (List<?>) value) value(xml, member, memberName, item);
          xml.append("</").append(name).append('>');
          return;
        }
      case MAP:
        {
          MapTrait map = field.getTrait(MapTrait.class);
          if (!map.isFlattened()) xml.append('<').append(name).append('>');
          for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            xml.append(map.isFlattened() ? "<" + name + ">" : "<entry>");
            element(xml, map.keyLocationName(), String.valueOf(e.getKey()));
            if (e.getValue() != null)
              value(xml, map.valueFieldInfo(), map.valueLocationName(), e.getValue());
            xml.append(map.isFlattened() ? "</" + name + ">" : "</entry>");
          }
          if (!map.isFlattened()) xml.append("</").append(name).append('>');
          return;
        }
      case SDK_POJO:
        xml.append('<').append(name).append('>');
        fields(xml, (SdkPojo) value);
        xml.append("</").append(name).append('>');
        return;
      default:
        element(xml, name, Scalars.text(value));
    }
  }

  private static void element(StringBuilder xml, String name, String text) {
    xml.append('<').append(name).append('>');
    escape(xml, text);
    xml.append("</").append(name).append('>');
  }

  static void escape(StringBuilder xml, String text) {
    if (text == null) return;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        case '\r' -> xml.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') xml.append("&#").append((int) c).append(';');
          else xml.append(c);
        }
      }
    }
  }

  /**
   * A sorted copy of parameters, for prefix look-ups.
   *
   * @param params the parameters
   * @return them, sorted by name
   */
  public static NavigableMap<String, String> sorted(Map<String, String> params) {
    return new TreeMap<>(params);
  }
}
