package io.github.cloudtwin.cloudformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A CloudFormation template, read from YAML (short-form tags included) or JSON, or taken from the
 * map the AWS CDK's {@code Template.fromStack(stack).toJSON()} returns. Immutable and thread-safe.
 *
 * <pre>{@code
 * Template web = Template.classpath("templates/web-tier.yaml");
 * Stack stack = StackImport.of(web).parameter("Env", "test").importInto(twin);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Template {

  private static final Set<String> SECTIONS =
      Set.of(
          "AWSTemplateFormatVersion",
          "Description",
          "Metadata",
          "Parameters",
          "Rules",
          "Mappings",
          "Conditions",
          "Transform",
          "Resources",
          "Outputs",
          "Hooks");

  private final String name;
  private final Map<String, Object> body;

  @SuppressWarnings("unchecked")
  private Template(String name, Map<String, ?> body) {
    this.name = Objects.requireNonNull(name, "name");
    this.body = Values.freezeMapping(Objects.requireNonNull(body, "body"), name);
    check();
  }

  /**
   * Parses template text: JSON when it starts with '{', else YAML.
   *
   * @param name the name
   * @param text the text
   * @return the parsed template
   */
  public static Template parse(String name, String text) {
    Objects.requireNonNull(text, "text");
    return new Template(name, TemplateParser.parse(name, text));
  }

  /**
   * Parses YAML or JSON text.
   *
   * @param text the text
   * @return the parsed template
   */
  public static Template parse(String text) {
    return parse("template", text);
  }

  /**
   * Reads a template file (UTF-8, YAML or JSON).
   *
   * @param path the path
   * @return the parsed template
   */
  public static Template load(Path path) {
    Objects.requireNonNull(path, "path");
    try {
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + path, e);
    }
  }

  /**
   * Reads a template from {@code in} (UTF-8), which it closes; {@code name} appears in messages.
   *
   * @param in the stream to read
   * @param name the name
   * @return the parsed template
   */
  public static Template read(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    try (in) {
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + name, e);
    }
  }

  /**
   * Reads a classpath resource, such as {@code templates/web.yaml}.
   *
   * @param resource the resource
   * @return the parsed template
   */
  public static Template classpath(String resource) {
    Objects.requireNonNull(resource, "resource");
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    InputStream in = cl == null ? null : cl.getResourceAsStream(path);
    if (in == null) in = Template.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(new IOException("No classpath resource " + path));
    }
    return read(in, path);
  }

  /**
   * Takes a template as a map: what the CDK's {@code Template.fromStack(stack).toJSON()} returns,
   * or any parsed JSON. The map is copied.
   *
   * @param template the template
   * @return the parsed template
   */
  public static Template fromMap(Map<String, ?> template) {
    return fromMap("template", template);
  }

  /**
   * Takes a template as a map, naming it for messages.
   *
   * @param name the name
   * @param template the template
   * @return the parsed template
   */
  public static Template fromMap(String name, Map<String, ?> template) {
    return new Template(name, template);
  }

  private void check() {
    for (String key : body.keySet()) {
      if (!SECTIONS.contains(key)) {
        throw new TemplateParser.TemplateFormatException(
            name, "Invalid template property or properties [" + key + "]");
      }
    }
    if (body.containsKey("Transform")) {
      throw new TemplateParser.TemplateFormatException(
          name,
          "Transform "
              + body.get("Transform")
              + " is not supported: import the processed template (aws cloudformation get-template --template-stage Processed)");
    }
    Object resources = body.get("Resources");
    if (!(resources instanceof Map<?, ?> r) || r.isEmpty()) {
      throw new TemplateParser.TemplateFormatException(
          name, "At least one Resources member must be defined.");
    }
    for (Map.Entry<?, ?> e : r.entrySet()) {
      String id = (String) e.getKey();
      if (!id.matches("[A-Za-z0-9]+")) {
        throw new TemplateValidationException(
            id,
            null,
            id,
            "a logical id of letters and digits only",
            "Template format error: Resource name " + id + " is non alphanumeric.");
      }
      if (!(e.getValue() instanceof Map<?, ?> def) || !(def.get("Type") instanceof String)) {
        throw new TemplateValidationException(
            id,
            "Type",
            e.getValue() instanceof Map<?, ?> d ? d.get("Type") : e.getValue(),
            "a resource type such as AWS::AutoScaling::AutoScalingGroup",
            "Template format error: [/Resources/"
                + id
                + "] Every Resources object must contain a Type member.");
      }
    }
  }

  /** {@return the name the template was read from (a path, a resource, or the name given)} */
  public String name() {
    return name;
  }

  /**
   * {@return the whole template as an unmodifiable map, tags already in long form ({@code
   * Fn::Sub})}
   */
  public Map<String, Object> body() {
    return body;
  }

  /** {@return the Description, or null} */
  public @Nullable String description() {
    Object d = body.get("Description");
    return d == null ? null : String.valueOf(d);
  }

  /** {@return the logical ids of the Resources section, in template order} */
  public List<String> logicalIds() {
    return new ArrayList<>(section("Resources").keySet());
  }

  /**
   * The type of a resource, such as {@code AWS::AutoScaling::AutoScalingGroup}.
   *
   * @param logicalId the logical id
   * @return the type of a resource, such as {@code AWS::AutoScaling::AutoScalingGroup}
   */
  public String resourceType(String logicalId) {
    Object def = section("Resources").get(logicalId);
    if (!(def instanceof Map<?, ?> m)) {
      throw new TemplateValidationException(
          logicalId, null, logicalId, "a logical id of this template " + logicalIds());
    }
    return Objects.requireNonNull(
        (String) m.get("Type"), "the constructor checked every resource has a string Type");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> section(String key) {
    Object s = body.get(key);
    if (s == null) return Map.of();
    if (!(s instanceof Map)) {
      throw new TemplateParser.TemplateFormatException(
          name, key + " must be a mapping, not " + Values.describe(s));
    }
    return (Map<String, Object>) s;
  }

  @Override
  public String toString() {
    return "Template[" + name + ", " + section("Resources").size() + " resources]";
  }
}
