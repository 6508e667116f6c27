package io.github.cloudtwin.cloudformation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads YAML or JSON template text into plain maps, lists and scalars. YAML short-form tags ({@code
 * !Ref X}) become their long form ({@code {Ref: X}}), as CloudFormation reads them; a tag it does
 * not know is an error, never dropped.
 */
final class TemplateParser {

  /** The short-form tags and the long-form key each stands for. */
  static final Map<String, String> TAGS = tags();

  private static Map<String, String> tags() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Ref", "Ref");
    m.put("Condition", "Condition");
    for (String f :
        List.of(
            "Sub",
            "GetAtt",
            "Join",
            "Select",
            "Split",
            "If",
            "Equals",
            "Not",
            "And",
            "Or",
            "FindInMap",
            "GetAZs",
            "ImportValue",
            "Base64",
            "Cidr")) {
      m.put(f, "Fn::" + f);
    }
    return Map.copyOf(m);
  }

  private static final Set<String> YAML_CORE_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq");

  private TemplateParser() {}

  /** Parses {@code text}: JSON when it starts with '{', else YAML. */
  static Map<String, Object> parse(String source, String text) {
    String trimmed = text.stripLeading();
    try {
      if (trimmed.startsWith("{")) {
        ObjectMapper json =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        Object tree;
        try (JsonParser p = json.getFactory().createParser(new StringReader(text))) {
          p.nextToken();
          tree = read(source, p, false);
        }
        return topLevel(source, tree);
      }
      YAMLFactory yaml =
          YAMLFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxDocumentLength(10_000_000).build())
              .build();
      try (Reader r = new StringReader(text);
          JsonParser p = yaml.createParser(r)) {
        if (p.nextToken() == null) {
          throw new TemplateFormatException(source, "the template is empty");
        }
        return topLevel(source, read(source, p, true));
      }
    } catch (IOException e) {
      throw new TemplateFormatException(
          source, "not valid " + (trimmed.startsWith("{") ? "JSON" : "YAML") + ": " + firstLine(e));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> topLevel(String source, @Nullable Object tree) {
    if (!(tree instanceof Map)) {
      throw new TemplateFormatException(
          source, "a template is a mapping with a Resources section, not " + Values.describe(tree));
    }
    return (Map<String, Object>) tree;
  }

  private static @Nullable Object read(String source, JsonParser p, boolean yaml)
      throws IOException {
    String tag = yaml ? tagOf(p) : null;
    JsonToken t = p.currentToken();
    Object value;
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          if (m.containsKey(key)) {
            throw new TemplateFormatException(
                source, "duplicate key \"" + key + "\" at line " + p.currentLocation().getLineNr());
          }
          m.put(key, read(source, p, yaml));
        }
        value = m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(source, p, yaml));
        }
        value = l;
      }
      case VALUE_STRING -> value = p.getText();
      case VALUE_NUMBER_INT -> value = p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> value = p.getDoubleValue();
      case VALUE_TRUE -> value = true;
      case VALUE_FALSE -> value = false;
      case VALUE_NULL -> value = null;
      default ->
          throw new TemplateFormatException(
              source, "unexpected " + t + " at line " + p.currentLocation().getLineNr());
    }
    if (tag == null) {
      return value;
    }
    return expand(source, tag, value, t, p.currentLocation().getLineNr());
  }

  private static @Nullable String tagOf(JsonParser p) throws IOException {
    Object id = p.getTypeId();
    if (id == null) return null;
    String tag = id.toString();
    while (tag.startsWith("!")) tag = tag.substring(1);
    if (tag.startsWith("tag:yaml.org,2002:")) {
      String core = tag.substring("tag:yaml.org,2002:".length());
      return YAML_CORE_TAGS.contains(core) ? null : tag;
    }
    return tag.isEmpty() ? null : tag;
  }

  /** A tagged node as its long form: {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}}. */
  private static Object expand(
      String source, String tag, @Nullable Object value, JsonToken token, int line) {
    String key = TAGS.get(tag);
    if (key == null) {
      throw new TemplateFormatException(
          source,
          "unknown tag !"
              + tag
              + " at line "
              + line
              + " (known: "
              + TAGS.keySet().stream().sorted().map(s -> "!" + s).toList()
              + ")");
    }
    boolean scalar = token.isScalarValue();
    if (scalar && value != null && !(value instanceof String)) {
      value = String.valueOf(value);
    }
    if (tag.equals("GetAtt") && value instanceof String s) {
      int dot = s.indexOf('.');
      if (dot <= 0 || dot == s.length() - 1) {
        throw new TemplateFormatException(
            source, "!GetAtt " + s + " at line " + line + " is not LogicalId.Attribute");
      }
      value = List.of(s.substring(0, dot), s.substring(dot + 1));
    }
    if (tag.equals("GetAZs") && value == null) {
      value = "";
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  /** The first line of an I/O problem's message: Jackson puts the location on the next ones. */
  private static String firstLine(IOException e) {
    String message = e.getMessage();
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** Thrown for text that is not a template. */
  static final class TemplateFormatException extends TemplateValidationException {
    private static final long serialVersionUID = 1L;

    TemplateFormatException(String source, String problem) {
      super(null, "Template", source, problem, "Template format error: " + problem);
    }
  }
}
