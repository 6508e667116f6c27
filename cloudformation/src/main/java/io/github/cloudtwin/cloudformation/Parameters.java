package io.github.cloudtwin.cloudformation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the Parameters section: the test's values, else the defaults; SSM parameter types from
 * the test's SSM values; constraints checked with CloudFormation's messages.
 */
final class Parameters {

  private Parameters() {}

  /** What the parameters need from the import beyond their values. */
  record Environment(
      Map<String, String> ssmParameters, Set<String> zones, Map<String, String> subnetZones) {}

  /** Each parameter's value: a String, or a List of String for list types. */
  static Map<String, Object> resolve(
      Template template, Map<String, String> given, Environment env) {
    Map<String, Object> section = template.section("Parameters");
    Set<String> unknown = new TreeSet<>(given.keySet());
    unknown.removeAll(section.keySet());
    if (!unknown.isEmpty()) {
      throw new TemplateValidationException(
          unknown.iterator().next(),
          null,
          given.get(unknown.iterator().next()),
          "a parameter of the template " + section.keySet(),
          "Parameters: " + unknown + " do not exist in the template");
    }
    List<String> missing = new ArrayList<>();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : section.entrySet()) {
      String name = e.getKey();
      if (!(e.getValue() instanceof Map<?, ?> def)) {
        throw new TemplateValidationException(
            name, null, Values.describe(e.getValue()), "a parameter declaration with a Type");
      }
      Object type = def.get("Type");
      if (!(type instanceof String t)) {
        throw new TemplateValidationException(
            name,
            "Type",
            type,
            "a parameter type such as String or Number",
            "Template format error: Every Parameters object must contain a Type member.");
      }
      String raw =
          given.containsKey(name)
              ? given.get(name)
              : def.containsKey("Default") ? text(def.get("Default"), name) : null;
      if (raw == null) {
        missing.add(name);
        continue;
      }
      values.put(name, value(name, t, raw, def, env));
    }
    if (!missing.isEmpty()) {
      throw new TemplateValidationException(
          missing.get(0),
          null,
          null,
          "a value given by the test or a Default",
          "Parameters: " + missing + " must have values");
    }
    return values;
  }

  private static String text(Object v, String name) {
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      for (Object o : l) parts.add(Evaluator.string(o, name, "Default"));
      return String.join(",", parts);
    }
    return Evaluator.string(v, name, "Default");
  }

  private static Object value(
      String name, String type, String raw, Map<?, ?> def, Environment env) {
    if (type.startsWith("AWS::SSM::Parameter::Value<")) {
      String inner = type.substring("AWS::SSM::Parameter::Value<".length(), type.length() - 1);
      String ssm = env.ssmParameters().get(raw);
      if (ssm == null) {
        throw new TemplateValidationException(
            name,
            null,
            raw,
            "an SSM parameter the test supplies (StackImport.Builder.ssmParameter(\""
                + raw
                + "\", value)); known: "
                + env.ssmParameters().keySet(),
            "Unable to fetch parameters [" + raw + "] from parameter store for this account.");
      }
      boolean list = inner.startsWith("List<") || inner.equals("CommaDelimitedList");
      Object v = list ? split(ssm) : ssm;
      check(name, inner.equals("String") || list ? "String" : inner, v, def, env);
      return v;
    }
    boolean list = type.startsWith("List<") || type.equals("CommaDelimitedList");
    String element =
        type.equals("CommaDelimitedList")
            ? "String"
            : list ? type.substring(5, type.length() - 1) : type;
    if (!element.equals("String")
        && !element.equals("Number")
        && !element.startsWith("AWS::EC2::")
        && !element.equals("AWS::SSM::Parameter::Name")
        && !element.startsWith("AWS::Route53::")) {
      throw new TemplateValidationException(
          name,
          "Type",
          type,
          "String, Number, List<Number>, CommaDelimitedList, an AWS-specific type such as AWS::EC2::Subnet::Id, or AWS::SSM::Parameter::Value<...>",
          "Template format error: Unrecognized parameter type: " + type);
    }
    Object v = list ? split(raw) : raw;
    check(name, element, v, def, env);
    return v;
  }

  private static List<String> split(String raw) {
    List<String> out = new ArrayList<>();
    if (raw.isEmpty()) return out;
    for (String s : raw.split(",", -1)) out.add(s.trim());
    return out;
  }

  private static void check(
      String name, String element, Object value, Map<?, ?> def, Environment env) {
    List<String> items = new ArrayList<>();
    if (value instanceof List<?> l) {
      for (Object o : l) items.add((String) o);
    } else {
      items.add((String) value);
    }
    Object allowed = def.get("AllowedValues");
    for (String item : items) {
      if (allowed instanceof List<?> a
          && a.stream()
              .map(o -> Evaluator.string(o, name, "AllowedValues"))
              .noneMatch(item::equals)) {
        throw new TemplateValidationException(
            name,
            null,
            item,
            "one of " + a,
            "Parameter '" + name + "' must be one of AllowedValues");
      }
      switch (element) {
        case "Number" -> checkNumber(name, item, def);
        case "String" -> checkString(name, item, def);
        case "AWS::EC2::AvailabilityZone::Name" -> {
          if (!env.zones().contains(item)) {
            throw new TemplateValidationException(
                name,
                null,
                item,
                "a zone of the twin " + env.zones(),
                "Parameter value " + item + " for parameter name " + name + " does not exist.");
          }
        }
        case "AWS::EC2::Subnet::Id" -> {
          if (!env.subnetZones().containsKey(item)) {
            throw new TemplateValidationException(
                name,
                null,
                item,
                "a subnet the test supplies with StackImport.Builder.subnet(id, zone); known: "
                    + env.subnetZones().keySet(),
                "Parameter value " + item + " for parameter name " + name + " does not exist.");
          }
        }
        default -> {}
      }
    }
  }

  private static void checkNumber(String name, String item, Map<?, ?> def) {
    double v;
    try {
      v = Double.parseDouble(item.trim());
    } catch (NumberFormatException e) {
      throw new TemplateValidationException(
          name, null, item, "a number", "Parameter '" + name + "' must be a number.");
    }
    Double min = bound(def.get("MinValue"), name, "MinValue");
    Double max = bound(def.get("MaxValue"), name, "MaxValue");
    if (min != null && v < min) {
      throw new TemplateValidationException(
          name,
          null,
          item,
          "at least " + Values.text(min),
          "Parameter '" + name + "' must be a number not less than " + Values.text(min));
    }
    if (max != null && v > max) {
      throw new TemplateValidationException(
          name,
          null,
          item,
          "at most " + Values.text(max),
          "Parameter '" + name + "' must be a number not greater than " + Values.text(max));
    }
  }

  private static void checkString(String name, String item, Map<?, ?> def) {
    Double min = bound(def.get("MinLength"), name, "MinLength");
    Double max = bound(def.get("MaxLength"), name, "MaxLength");
    if (min != null && item.length() < min) {
      throw new TemplateValidationException(
          name,
          null,
          item,
          "at least " + Values.text(min) + " characters",
          "Parameter '" + name + "' must contain at least " + Values.text(min) + " characters");
    }
    if (max != null && item.length() > max) {
      throw new TemplateValidationException(
          name,
          null,
          item,
          "at most " + Values.text(max) + " characters",
          "Parameter '"
              + name
              + "' must not contain more than "
              + Values.text(max)
              + " characters");
    }
    Object pattern = def.get("AllowedPattern");
    if (pattern != null) {
      String regex = Evaluator.string(pattern, name, "AllowedPattern");
      boolean ok;
      try {
        ok = Pattern.compile(regex).matcher(item).matches();
      } catch (PatternSyntaxException e) {
        throw new TemplateValidationException(
            name, "AllowedPattern", regex, "a valid regular expression");
      }
      if (!ok) {
        Object description = def.get("ConstraintDescription");
        throw new TemplateValidationException(
            name,
            null,
            item,
            "a value matching " + regex,
            "Parameter '"
                + name
                + "' must match pattern "
                + regex
                + (description == null ? "" : " (" + description + ")"));
      }
    }
  }

  private static @Nullable Double bound(@Nullable Object v, String name, String key) {
    if (v == null) return null;
    try {
      return v instanceof Number n
          ? n.doubleValue()
          : Double.parseDouble(Evaluator.string(v, name, key));
    } catch (NumberFormatException e) {
      throw new TemplateValidationException(name, key, v, "a number");
    }
  }
}
