package io.github.cloudtwin.awswire.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * awsJson (1.0 and 1.1) and Smithy RPC v2 CBOR: one document format each, the same data model
 * (objects, arrays, numbers, strings, booleans), read and written through Jackson's streaming API
 * and driven by the model's {@link SdkField}s. They differ in timestamps (JSON: epoch seconds as a
 * number; CBOR: tag 1 on epoch seconds) and blobs (JSON: base64 text; CBOR: a byte string).
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class JsonCodec {

  /** awsJson. */
  public static final JsonCodec JSON =
      new JsonCodec(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build(),
          false);

  /** Smithy RPC v2 CBOR. */
  public static final JsonCodec CBOR =
      new JsonCodec(
          CBORFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build(),
          true);

  private static final Map<Class<?>, Map<String, SdkField<?>>> FIELDS = new ConcurrentHashMap<>();

  private final JsonFactory factory;
  private final boolean cbor;

  private JsonCodec(JsonFactory factory, boolean cbor) {
    this.factory = factory;
    this.cbor = cbor;
  }

  /**
   * Builds a request from a document; an empty body is an empty request.
   *
   * @param builder the request's empty builder
   * @param body the document
   * @return the request
   * @throws WireError {@code SerializationException} when the document is malformed or a value has
   *     the wrong type
   */
  public Object decode(SdkPojo builder, byte[] body) {
    if (body.length == 0) return ((SdkBuilder<?, ?>) builder).build();
    try (JsonParser p = factory.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT)
        throw malformed("the body is not a " + (cbor ? "CBOR map" : "JSON object"));
      Object request = struct(p, builder, "");
      if (p.nextToken() != null) throw malformed("content after the end of the document");
      return request;
    } catch (WireError e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw malformed(
          e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private WireError malformed(String why) {
    return new WireError(400, "SerializationException", "Cannot parse the request body: " + why);
  }

  private static Map<String, SdkField<?>> fieldsOf(SdkPojo pojo) {
    return FIELDS.computeIfAbsent(
        pojo.getClass(),
        c -> {
          Map<String, SdkField<?>> byName = new HashMap<>();
          for (SdkField<?> f : pojo.sdkFields()) {
            if (f.location() == MarshallLocation.PAYLOAD) byName.put(f.locationName(), f);
          }
          return byName;
        });
  }

  private Object struct(JsonParser p, SdkPojo builder, String path) throws IOException {
    Map<String, SdkField<?>> fields = fieldsOf(builder);
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      SdkField<?> field = fields.get(name);
      JsonToken valueToken = p.nextToken();
      if (field == null) {
        p.skipChildren();
        continue;
      }
      Object value = value(p, valueToken, field, path + name);
      if (value != null) field.set(builder, value);
    }
    if (t != JsonToken.END_OBJECT)
      throw malformed("unexpected " + t + " in " + (path.isEmpty() ? "the body" : path));
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private @Nullable Object value(JsonParser p, JsonToken t, SdkField<?> field, String path)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) return null;
    MarshallingKnownType type = field.marshallingType().getKnownType();
    switch (type) {
      case STRING:
        expect(t == JsonToken.VALUE_STRING, path, "a string", t);
        return p.getText();
      case INTEGER:
        expect(t == JsonToken.VALUE_NUMBER_INT, path, "an integer", t);
        return p.getIntValue();
      case LONG:
        expect(t == JsonToken.VALUE_NUMBER_INT, path, "an integer", t);
        return p.getLongValue();
      case SHORT:
        expect(t == JsonToken.VALUE_NUMBER_INT, path, "an integer", t);
        return p.getShortValue();
      case BYTE:
        expect(t == JsonToken.VALUE_NUMBER_INT, path, "an integer", t);
        return p.getByteValue();
      case DOUBLE:
        return number(p, t, path);
      case FLOAT:
        return (float) number(p, t, path);
      case BIG_DECIMAL:
        expect(t.isNumeric(), path, "a number", t);
        return p.getDecimalValue();
      case BOOLEAN:
        expect(t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, path, "true or false", t);
        return t == JsonToken.VALUE_TRUE;
      case INSTANT:
        if (t.isNumeric()) return Scalars.epochSeconds(p.getDecimalValue());
        expect(t == JsonToken.VALUE_STRING, path, "a timestamp", t);
        try {
          return Scalars.parseInstant(p.getText());
        } catch (RuntimeException e) {
          throw malformed(path + " is not a timestamp: " + p.getText());
        }
      case SDK_BYTES:
        expect(
            t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_EMBEDDED_OBJECT, path, "a blob", t);
        return SdkBytes.fromByteArray(p.getBinaryValue());
      case LIST:
        {
          expect(t == JsonToken.START_ARRAY, path, "a list", t);
          SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
          List<Object> items = new ArrayList<>();
          JsonToken item;
          while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            if (item == null) throw malformed("the document ends inside " + path);
            items.add(value(p, item, member, path + "[" + items.size() + "]"));
          }
          return items;
        }
      case MAP:
        {
          expect(t == JsonToken.START_OBJECT, path, "a map", t);
          SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
          Map<String, Object> entries = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            entries.put(key, value(p, p.nextToken(), valueField, path + "." + key));
          }
          return entries;
        }
      case SDK_POJO:
        expect(t == JsonToken.START_OBJECT, path, "a structure", t);
        return struct(p, field.constructor().get(), path + ".");
      default:
        p.skipChildren();
        return null;
    }
  }

  private double number(JsonParser p, JsonToken t, String path) throws IOException {
    if (t.isNumeric()) return p.getDoubleValue();
    if (t == JsonToken.VALUE_STRING) {
      switch (p.getText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw malformed(path + " must be a number, not " + t);
  }

  private void expect(boolean ok, String path, String what, JsonToken actual) {
    if (!ok) throw malformed(path + " must be " + what + ", not " + actual);
  }

  /**
   * Writes a response.
   *
   * @param response the SDK response
   * @return the document
   */
  public byte[] encode(SdkPojo response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = factory.createGenerator(out)) {
      struct(g, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes an error document: {@code {"__type": type, "message": message}}.
   *
   * @param type the error's type
   * @param message the message
   * @return the document
   */
  public byte[] encodeError(String type, String message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = factory.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("__type", type);
      g.writeStringField("message", message);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void struct(JsonGenerator g, SdkPojo pojo) throws IOException {
    g.writeStartObject();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() != MarshallLocation.PAYLOAD) continue;
      Object value = field.getValueOrDefault(pojo);
      if (value == null
          || value instanceof SdkAutoConstructList
          || value instanceof SdkAutoConstructMap) continue;
      g.writeFieldName(field.locationName());
      value(g, field, value);
    }
    g.writeEndObject();
  }

  private void value(JsonGenerator g, SdkField<?> field, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    switch (field.marshallingType().getKnownType()) {
      case STRING -> g.writeString((String) value);
      case INTEGER -> g.writeNumber((Integer) value);
      case LONG -> g.writeNumber((Long) value);
      case SHORT -> g.writeNumber((Short) value);
      case BYTE -> g.writeNumber((Byte) value);
      case DOUBLE -> number(g, (Double) value);
      case FLOAT -> {
        float f = (Float) value;
        if (Float.isFinite(f)) g.writeNumber(f);
        else number(g, (double) f);
      }
      case BIG_DECIMAL -> g.writeNumber((BigDecimal) value);
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      case INSTANT -> {
        BigDecimal seconds = Scalars.toEpochSeconds((Instant) value);
        if (cbor) {
          ((CBORGenerator) g).writeTag(1);
          if (seconds.scale() <= 0) g.writeNumber(seconds.longValueExact());
          else g.writeNumber(seconds.doubleValue());
        } else {
          g.writeNumber(seconds);
        }
      }
      case SDK_BYTES -> g.writeBinary(((SdkBytes) value).asByteArrayUnsafe());
      case LIST -> {
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        g.writeStartArray();
        for (Object item : (List<?>) value) value(g, member, item);
        g.writeEndArray();
      }
      case MAP -> {
        SdkField<?> valueField = field.getTrait(MapTrait.class).valueFieldInfo();
        g.writeStartObject();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          value(g, valueField, e.getValue());
        }
        g.writeEndObject();
      }
      case SDK_POJO -> struct(g, (SdkPojo) value);
      default -> g.writeNull();
    }
  }

  private void number(JsonGenerator g, double d) throws IOException {
    if (Double.isNaN(d)) g.writeString("NaN");
    else if (d == Double.POSITIVE_INFINITY) g.writeString("Infinity");
    else if (d == Double.NEGATIVE_INFINITY) g.writeString("-Infinity");
    else g.writeNumber(d);
  }
}
