package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What to import: a template, the stack name, parameter values, and the values CloudFormation would
 * look up elsewhere (exports for {@code Fn::ImportValue}, SSM parameters, existing subnets, nested
 * templates). Immutable; built with {@link #of(Template)}.
 *
 * <pre>{@code
 * Stack stack = StackImport.of(Template.classpath("templates/web-tier.yaml"))
 *     .stackName("web")
 *     .parameter("Env", "test")
 *     .importInto(twin);
 * }</pre>
 *
 * @param template the template
 * @param stackName the stack name (AWS::StackName): a letter, then letters, digits or hyphens, at
 *     most 128
 * @param parameters parameter values by name, as text (lists comma-separated)
 * @param importValues export values by export name, for {@code Fn::ImportValue}
 * @param ssmParameters SSM parameter values by parameter name, for {@code
 *     AWS::SSM::Parameter::Value<...>} parameters
 * @param subnets existing subnets by id, with their zone, for {@code AWS::EC2::Subnet::Id}
 *     parameters and literal ids
 * @param templateResolver finds nested stacks' templates
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record StackImport(
    Template template,
    String stackName,
    Map<String, String> parameters,
    Map<String, String> importValues,
    Map<String, String> ssmParameters,
    Map<String, String> subnets,
    TemplateResolver templateResolver) {

  /**
   * Validates and copies.
   *
   * @param template the template
   * @param stackName the stack name (AWS::StackName): a letter, then letters, digits or hyphens, at
   *     most 128
   * @param parameters parameter values by name, as text (lists comma-separated)
   * @param importValues export values by export name, for {@code Fn::ImportValue}
   * @param ssmParameters SSM parameter values by parameter name, for {@code
   *     AWS::SSM::Parameter::Value<...>} parameters
   * @param subnets existing subnets by id, with their zone, for {@code AWS::EC2::Subnet::Id}
   *     parameters and literal ids
   * @param templateResolver finds nested stacks' templates
   */
  public StackImport {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(stackName, "stackName");
    if (!stackName.matches("[A-Za-z][-A-Za-z0-9]{0,127}")) {
      throw new TemplateValidationException(
          null,
          "StackName",
          stackName,
          "a letter, then letters, digits or hyphens, at most 128 characters",
          "1 validation error detected: Value '"
              + stackName
              + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
    }
    parameters = Map.copyOf(parameters);
    importValues = Map.copyOf(importValues);
    ssmParameters = Map.copyOf(ssmParameters);
    subnets = Map.copyOf(subnets);
    Objects.requireNonNull(templateResolver, "templateResolver");
  }

  /**
   * A builder for importing {@code template}; the stack name defaults to the template's file name.
   *
   * @param template the template
   * @return a builder for importing {@code template}; the stack name defaults to the template's
   *     file name
   */
  public static Builder of(Template template) {
    return new Builder(template);
  }

  /**
   * Imports into {@code twin}: validates everything first, then creates; returns the stack view.
   *
   * @param twin the twin
   * @return the stack view
   */
  public Stack importInto(CloudTwin twin) {
    return new StackImporter(twin, this).run();
  }

  static String defaultStackName(String templateName) {
    String base =
        templateName.substring(
            Math.max(templateName.lastIndexOf('/'), templateName.lastIndexOf('\\')) + 1);
    int dot = base.indexOf('.');
    if (dot > 0) base = base.substring(0, dot);
    base = base.replaceAll("[^-A-Za-z0-9]", "-");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) base = "stack-" + base;
    return base.length() > 128 ? base.substring(0, 128) : base;
  }

  /** Builds {@link StackImport}s. Not thread-safe. */
  public static final class Builder {
    private final Template template;
    private @Nullable String stackName;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> importValues = new LinkedHashMap<>();
    private final Map<String, String> ssmParameters = new LinkedHashMap<>();
    private final Map<String, String> subnets = new LinkedHashMap<>();
    private TemplateResolver templateResolver = TemplateResolver.none();

    private Builder(Template template) {
      this.template = Objects.requireNonNull(template, "template");
    }

    /**
     * The stack name (AWS::StackName).
     *
     * @param stackName the stack name (AWS::StackName)
     * @return this builder
     */
    public Builder stackName(String stackName) {
      this.stackName = stackName;
      return this;
    }

    /**
     * A parameter value, as text; lists are comma-separated.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Parameter values, as text.
     *
     * @param values the values
     * @return this builder
     */
    public Builder parameters(Map<String, String> values) {
      values.forEach(this::parameter);
      return this;
    }

    /**
     * Parameter values written as {@code Key=Value} pairs separated by commas or semicolons, as
     * {@code @CloudFormationStack(parameters = "Env=test;Subnets=a,b")} gives them: a comma starts
     * a new pair only when a {@code =} follows, so list values keep their commas.
     *
     * @param pairs parameter values written as {@code Key=Value} pairs separated by commas or
     *     semicolons, as {@code @CloudFormationStack(parameters = "Env=test;Subnets=a,b")} gives
     *     them: a comma starts a new pair only when a {@code =} follows, so list values keep their
     *     commas
     * @return this builder
     */
    public Builder parameters(String pairs) {
      Objects.requireNonNull(pairs, "pairs");
      String current = null;
      for (String piece : pairs.split("[;,]")) {
        if (piece.isBlank() && current == null) continue;
        if (piece.contains("=") || current == null) {
          if (current != null) addPair(current);
          current = piece;
        } else {
          current = current + "," + piece;
        }
      }
      if (current != null) addPair(current);
      return this;
    }

    private void addPair(String pair) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new TemplateValidationException(
            null, "parameters", pair, "Key=Value pairs separated by ';' or ','");
      }
      parameter(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }

    /**
     * The value of an export another stack would provide, for {@code Fn::ImportValue}.
     *
     * @param exportName the export name
     * @param value the value
     * @return this builder
     */
    public Builder importValue(String exportName, String value) {
      importValues.put(
          Objects.requireNonNull(exportName, "exportName"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Every export of a stack imported before, for {@code Fn::ImportValue}.
     *
     * @param exporter every export of a stack imported before, for {@code Fn::ImportValue}
     * @return this builder
     */
    public Builder importValuesFrom(Stack exporter) {
      exporter.exports().forEach(this::importValue);
      return this;
    }

    /**
     * The value of an SSM parameter, for parameters of type {@code
     * AWS::SSM::Parameter::Value<...>}.
     *
     * @param name the name
     * @param value the value
     * @return this builder
     */
    public Builder ssmParameter(String name, String value) {
      ssmParameters.put(
          Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * An existing subnet (not in the template) and its zone, as a parameter or literal id names it.
     *
     * @param subnetId the subnet id
     * @param availabilityZone the availability zone
     * @return this builder
     */
    public Builder subnet(String subnetId, String availabilityZone) {
      subnets.put(
          Objects.requireNonNull(subnetId, "subnetId"),
          Objects.requireNonNull(availabilityZone, "availabilityZone"));
      return this;
    }

    /**
     * How nested stacks' TemplateURLs resolve (default: they do not).
     *
     * @param resolver how nested stacks' TemplateURLs resolve (default: they do not)
     * @return this builder
     */
    public Builder templateResolver(TemplateResolver resolver) {
      this.templateResolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** {@return the validated configuration} */
    public StackImport build() {
      return new StackImport(
          template,
          stackName == null ? defaultStackName(template.name()) : stackName,
          parameters,
          importValues,
          ssmParameters,
          subnets,
          templateResolver);
    }

    /**
     * Shorthand for {@code build().importInto(twin)}.
     *
     * @param twin the twin
     * @return shorthand for {@code build().importInto(twin)}
     */
    public Stack importInto(CloudTwin twin) {
      return build().importInto(twin);
    }
  }
}
