package io.github.cloudtwin.cloudformation;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One stack during an import. {@link #plan} resolves parameters and conditions, orders the
 * resources by their references and reads every resource against predicted values, so an invalid
 * template fails before anything exists; {@link #create} then reads each again against the real
 * values and creates it.
 */
final class StackPlan implements Evaluator.Scope {

  /** One resource of the template whose condition holds. */
  static final class Node {
    final String id;
    final String type;
    final Map<String, Object> definition;
    final ResourceHandler handler;
    final Set<String> dependencies = new LinkedHashSet<>();
    final List<String> folded = new ArrayList<>();
    @Nullable Outcome predicted;
    @Nullable Outcome actual;

    Node(String id, String type, Map<String, Object> definition, ResourceHandler handler) {
      this.id = id;
      this.type = type;
      this.definition = definition;
      this.handler = handler;
    }
  }

  private final StackImporter session;
  private final Template template;
  private final String stackName;
  private final String stackId;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, String> excluded = new LinkedHashMap<>();
  private final Map<String, StackPlan> nested = new LinkedHashMap<>();
  private List<Node> order = List.of();
  private Map<String, Object> parameters = Map.of();
  private @Nullable Conditions conditions;
  private @Nullable Evaluator evaluator;
  private boolean planning = true;
  private StackOutputs outputs = StackOutputs.NONE;

  StackPlan(StackImporter session, Template template, String stackName) {
    this.session = session;
    this.template = template;
    this.stackName = stackName;
    this.stackId =
        session
            .twin()
            .arns()
            .of("cloudformation", "stack/" + stackName + "/" + Names.uuid(stackName));
  }

  CloudTwin twin() {
    return session.twin();
  }

  StackImporter session() {
    return session;
  }

  String stackName() {
    return stackName;
  }

  String stackId() {
    return stackId;
  }

  boolean planning() {
    return planning;
  }

  Map<String, String> outputs() {
    return outputs.values();
  }

  // ------------------------------------------------------------------ plan

  /** Validates everything and predicts every value; creates nothing. */
  void plan(Map<String, String> given) {
    planning = true;
    bind(given);
    conditions().evaluateAll();
    TemplateChecks.checkMappings(template);
    for (String rule : template.section("Rules").keySet()) {
      report(
          ImportReport.Kind.NOTE,
          rule,
          "Rules",
          null,
          "template rules are not evaluated (CloudFormation checks them before it creates anything)");
    }
    Map<String, Object> resources = template.section("Resources");
    for (Map.Entry<String, Object> e : resources.entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> def = (Map<String, Object>) e.getValue();
      String id = e.getKey();
      TemplateChecks.checkResourceAttributes(id, def);
      Object condition = def.get("Condition");
      if (condition != null) {
        String name = Evaluator.string(condition, id, "Condition");
        if (!conditions().value(name, id, "Condition")) {
          excluded.put(id, name);
          continue;
        }
      }
      String type =
          Objects.requireNonNull((String) def.get("Type"), "checked: every resource has a Type");
      nodes.put(id, new Node(id, type, def, Handlers.forType(type)));
    }
    for (Node n : nodes.values()) {
      Dependencies.collect(n, this);
    }
    Dependencies.foldListenerRules(nodes);
    order = Dependencies.order(nodes);
    for (Node n : order) {
      Creation c = read(n);
      Outcome predicted = c.predict();
      n.predicted = predicted;
      if (n.type.equals("AWS::EC2::Subnet"))
        session.subnet(
            predicted.ref(),
            Objects.requireNonNull(
                (String) predicted.attributes().get("AvailabilityZone"),
                "a subnet's outcome names its zone"));
      session.claim(n.type, predicted.ref(), n.id);
      reportAttributes(n);
    }
    outputs = StackOutputs.evaluate(template, conditions(), evaluator());
  }

  /** Creates every resource in order, reading each again against the real values. */
  void create(Map<String, String> given) {
    planning = false;
    bind(given);
    for (Node n : order) {
      Creation c = read(n);
      try {
        n.actual = c.create(session.twin());
      } catch (ValidationException e) {
        throw new IllegalStateException(
            "Creating "
                + n.id
                + " ("
                + n.type
                + ") failed after validation passed: "
                + e.getMessage(),
            e);
      }
    }
    outputs = StackOutputs.evaluate(template, conditions(), evaluator());
  }

  private void bind(Map<String, String> given) {
    CloudTwin twin = session.twin();
    parameters =
        Parameters.resolve(
            template,
            given,
            new Parameters.Environment(
                session.config().ssmParameters(),
                Set.copyOf(twin.config().zoneNames()),
                session.config().subnets()));
    Conditions bound = new Conditions(template.section("Conditions"));
    Evaluator e = new Evaluator(this);
    bound.bind(e);
    conditions = bound;
    evaluator = e;
  }

  private Creation read(Node n) {
    Props props = evaluateProperties(n.id, Set.of());
    ResourceContext ctx = new ResourceContext(this, n, props);
    Creation c;
    try {
      c = n.handler.read(ctx);
    } catch (TemplateValidationException e) {
      throw e;
    } catch (ValidationException e) {
      throw new TemplateValidationException(
          n.id,
          "Properties." + e.field(),
          e.value(),
          e.allowed(),
          n.type + " " + n.id + ": " + e.getMessage());
    }
    if (planning && n.handler.simulated()) {
      for (String path : props.unread()) {
        report(
            ImportReport.Kind.UNMODELLED_PROPERTY,
            n.id,
            n.type,
            path,
            "set in the template, not modelled by the twin");
      }
    }
    return c;
  }

  private void reportAttributes(Node n) {
    for (String attribute : List.of("CreationPolicy", "UpdatePolicy")) {
      if (n.definition.containsKey(attribute)) {
        report(
            ImportReport.Kind.UNMODELLED_PROPERTY,
            n.id,
            n.type,
            attribute,
            attribute.equals("CreationPolicy")
                ? "resource signals are not simulated: the resource counts as created at once"
                : "updates are not simulated: a stack is imported once");
      }
    }
  }

  /** The evaluated Properties of a resource, without {@code skip}. */
  @SuppressWarnings("unchecked")
  Props evaluateProperties(String logicalId, Set<String> skip) {
    Node n = node(logicalId);
    Object raw = n.definition.get("Properties");
    if (raw == null) return Props.of(logicalId, Map.of());
    if (!(raw instanceof Map<?, ?> m)) {
      throw new TemplateValidationException(
          logicalId, "Properties", Values.describe(raw), "a mapping of properties");
    }
    Map<String, Object> source = (Map<String, Object>) m;
    if (!skip.isEmpty()) {
      source = new LinkedHashMap<>(source);
      source.keySet().removeAll(skip);
    }
    Object v = evaluator().eval(source, logicalId, "Properties");
    return Props.of(logicalId, (Map<String, Object>) v);
  }

  void report(
      ImportReport.Kind kind, String id, String type, @Nullable String path, String reason) {
    session.report().add(kind, stackName, id, type, path, reason);
  }

  /**
   * The nested stack of the AWS::CloudFormation::Stack resource {@code logicalId}, made on first
   * use.
   */
  StackPlan nested(String logicalId, Template child, String childName) {
    return nested.computeIfAbsent(logicalId, k -> new StackPlan(session, child, childName));
  }

  ResourceContext.@Nullable Found byRef(String ref) {
    for (Node n : nodes.values()) {
      Outcome o = planning ? n.predicted : n.actual;
      if (o != null && o.ref().equals(ref)) return new ResourceContext.Found(n.id, n.type, o);
    }
    return null;
  }

  /** The resources of {@code type} already read in this phase. */
  List<ResourceContext.Found> resourcesOfType(String type) {
    List<ResourceContext.Found> out = new ArrayList<>();
    for (Node n : nodes.values()) {
      Outcome o = planning ? n.predicted : n.actual;
      if (o != null && n.type.equals(type)) out.add(new ResourceContext.Found(n.id, n.type, o));
    }
    return out;
  }

  boolean isCondition(String name) {
    return conditions().has(name);
  }

  boolean isExcluded(String id) {
    return excluded.containsKey(id);
  }

  // ------------------------------------------------------------------ the evaluator's scope

  @Override
  public @Nullable Object parameter(String name) {
    Object v = parameters.get(name);
    if (v != null) return v;
    return switch (name) {
      case "AWS::Region" -> session.twin().region();
      case "AWS::AccountId" -> twin().accountId();
      case "AWS::StackName" -> stackName;
      case "AWS::StackId" -> stackId;
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      case "AWS::NotificationARNs" -> List.of();
      default -> null;
    };
  }

  @Override
  public boolean isResource(String logicalId) {
    return nodes.containsKey(logicalId) || excluded.containsKey(logicalId);
  }

  private Outcome outcome(String id, String where, String path) {
    if (excluded.containsKey(id)) {
      throw new TemplateValidationException(
          where,
          path,
          id,
          "a resource that is created ("
              + id
              + " has Condition "
              + excluded.get(id)
              + ", which is false)",
          "Template format error: Unresolved resource dependencies ["
              + id
              + "] in the Resources block of the template");
    }
    Node n = node(id);
    Outcome o = planning ? n.predicted : n.actual;
    if (o == null) {
      throw new IllegalStateException(
          where + " refers to " + id + " before it was read: a dependency the ordering missed");
    }
    return o;
  }

  @Override
  public Object ref(String logicalId, String where, String path) {
    return outcome(logicalId, where, path).ref();
  }

  @Override
  public Object getAtt(String logicalId, String attribute, String where, String path) {
    Outcome o = outcome(logicalId, where, path);
    Object v = o.attributes().get(attribute);
    if (v != null) return v;
    if (!o.simulated()) return o.ref() + "." + attribute;
    Node n = node(logicalId);
    throw new TemplateValidationException(
        where,
        path,
        attribute,
        "an attribute of " + n.type + ": " + o.attributes().keySet(),
        "Template error: resource "
            + logicalId
            + " does not support attribute type "
            + attribute
            + " in Fn::GetAtt");
  }

  @Override
  public boolean condition(String name, String where, String path) {
    return conditions().value(name, where, path);
  }

  @Override
  public Map<String, Object> mappings() {
    return template.section("Mappings");
  }

  @Override
  public List<String> zones(String region, String where, String path) {
    String own = session.twin().region();
    if (!region.isEmpty() && !region.equals(own)) {
      throw new TemplateValidationException(
          where, path, region, "\"\" or the twin's region " + own);
    }
    return session.twin().config().zoneNames();
  }

  @Override
  public String importValue(String name, String where, String path) {
    String v = session.config().importValues().get(name);
    if (v == null) {
      throw new TemplateValidationException(
          where,
          path,
          name,
          "an export the test supplies (StackImport.Builder.importValue or importValuesFrom); known: "
              + session.config().importValues().keySet(),
          "No export named " + name + " found");
    }
    return v;
  }

  private Node node(String logicalId) {
    return Objects.requireNonNull(nodes.get(logicalId), "a resource of the template's plan");
  }

  private Conditions conditions() {
    return Objects.requireNonNull(conditions, "plan() or create() binds the conditions first");
  }

  private Evaluator evaluator() {
    return Objects.requireNonNull(evaluator, "plan() or create() binds the evaluator first");
  }

  // ------------------------------------------------------------------ the result

  Stack stack(ImportReport report) {
    Map<String, StackResource> resources = new LinkedHashMap<>();
    for (Node n : order) {
      Outcome o = Objects.requireNonNull(n.actual, "create() made every resource of the order");
      resources.put(
          n.id, new StackResource(n.id, n.type, o.ref(), o.simulated(), o.attributes(), o.view()));
    }
    Map<String, Stack> children = new LinkedHashMap<>();
    nested.forEach((id, p) -> children.put(id, p.stack(report)));
    return new Stack(
        stackName,
        stackId,
        template,
        parameters,
        resources,
        outputs.values(),
        outputs.exports(),
        children,
        report);
  }
}
