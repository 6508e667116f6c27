package io.github.cloudtwin.cloudformation.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.cloudformation.Stack;
import io.github.cloudtwin.cloudformation.StackImport;
import io.github.cloudtwin.cloudformation.StackResource;
import io.github.cloudtwin.cloudformation.Template;
import io.github.cloudtwin.cloudformation.TemplateResolver;
import io.github.cloudtwin.junit.CloudTwinExtension;
import io.github.cloudtwin.junit.ExtensionStores;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link CloudFormationStack}: imports the template into the twin that {@code
 * CloudTwinExtension} created, keeps the {@link Stack} in the JUnit store next to it, and injects
 * {@link FromStack} fields and parameters. Holds no state itself.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CloudFormationExtension implements BeforeEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(CloudFormationExtension.class);

  /** What the class's store keeps: the stack imported into each twin (one for a per-class twin). */
  private static final class Imported {
    private final Map<CloudTwin, Stack> stacks = new IdentityHashMap<>();
  }

  /** Created by JUnit through {@link CloudFormationStack}. */
  public CloudFormationExtension() {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Stack stack = stack(context);
    CloudFormationStack annotation = annotation(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      // an enclosing class's fields name resources of its own @CloudFormationStack, not this one's
      if (nearest(instance.getClass()).orElse(null) != annotation) continue;
      for (Field f :
          ReflectionSupport.findFields(
              instance.getClass(),
              f -> f.isAnnotationPresent(FromStack.class),
              HierarchyTraversalMode.TOP_DOWN)) {
        if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
          throw new ExtensionConfigurationException(
              "@FromStack field "
                  + f.getDeclaringClass().getSimpleName()
                  + "."
                  + f.getName()
                  + " must be an instance field that is not final: the stack of each test is injected before it runs");
        }
        Object value =
            value(
                stack,
                f.getAnnotation(FromStack.class).value(),
                f.getType(),
                "field " + f.getName());
        try {
          f.setAccessible(true);
          f.set(instance, value);
        } catch (IllegalAccessException e) {
          throw new ExtensionConfigurationException(
              "Cannot set @FromStack field " + f.getName(), e);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(FromStack.class)
        || parameter.getParameter().getType() == Stack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String id = parameter.findAnnotation(FromStack.class).map(FromStack::value).orElse("");
    try {
      return value(
          stack(context),
          id,
          parameter.getParameter().getType(),
          "parameter " + parameter.getIndex());
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private Stack stack(ExtensionContext context) {
    CloudTwin twin =
        CloudTwinExtension.currentTwin(context)
            .orElseThrow(
                () ->
                    new ExtensionConfigurationException(
                        "@CloudFormationStack needs the twin of @CloudTwinTest: put @CloudTwinTest (or @ExtendWith(CloudTwinExtension.class))"
                            + " before @CloudFormationStack on "
                            + context.getRequiredTestClass().getSimpleName()));
    // keyed by twin in the class's store: a per-class twin gets its stack once, each per-test twin
    // its own
    ExtensionContext classContext =
        context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
    Imported imported =
        ExtensionStores.getOrCompute(
            classContext.getStore(NAMESPACE), "stacks", k -> new Imported(), Imported.class);
    synchronized (imported.stacks) {
      return imported.stacks.computeIfAbsent(twin, t -> importInto(t, annotation(context)));
    }
  }

  private static CloudFormationStack annotation(ExtensionContext context) {
    return nearest(context.getRequiredTestClass())
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "No @CloudFormationStack on " + context.getRequiredTestClass().getName()));
  }

  /** The annotation on the class or, for a nested class, the nearest enclosing one. */
  private static Optional<CloudFormationStack> nearest(Class<?> type) {
    Class<?> c = type;
    while (c != null) {
      Optional<CloudFormationStack> a =
          AnnotationSupport.findAnnotation(c, CloudFormationStack.class);
      if (a.isPresent()) return a;
      c = c.getEnclosingClass();
    }
    return Optional.empty();
  }

  static Stack importInto(CloudTwin twin, CloudFormationStack a) {
    Template template = load(a.template());
    StackImport.Builder b = StackImport.of(template).parameters(a.parameters());
    if (!a.stackName().isEmpty()) b.stackName(a.stackName());
    for (String pair : a.ssmParameters()) b.ssmParameter(key(pair, "ssmParameters"), value(pair));
    for (String pair : a.importValues()) b.importValue(key(pair, "importValues"), value(pair));
    for (String pair : a.subnets()) b.subnet(key(pair, "subnets"), value(pair));
    String nested = a.nestedTemplates();
    if (nested.isEmpty()) {
      int slash = a.template().lastIndexOf('/');
      nested = slash < 0 ? "" : a.template().substring(0, slash);
    }
    Path file = Path.of(a.template());
    b.templateResolver(
        Files.isRegularFile(file) && a.nestedTemplates().isEmpty()
            ? TemplateResolver.directory(
                Objects.requireNonNull(
                    file.toAbsolutePath().getParent(),
                    "a regular file's absolute path has a parent"))
            : TemplateResolver.classpath(nested));
    return b.importInto(twin);
  }

  private static Template load(String location) {
    try {
      return Template.classpath(location);
    } catch (UncheckedIOException notOnClasspath) {
      Path p = Path.of(location);
      if (Files.isRegularFile(p)) return Template.load(p);
      throw new ExtensionConfigurationException(
          "@CloudFormationStack(template = \""
              + location
              + "\"): no such classpath resource or file");
    }
  }

  private static String key(String pair, String attribute) {
    int eq = pair.lastIndexOf('=');
    if (eq <= 0) {
      throw new ExtensionConfigurationException(
          "@CloudFormationStack(" + attribute + " = \"" + pair + "\"): write name=value");
    }
    return pair.substring(0, eq);
  }

  private static String value(String pair) {
    return pair.substring(pair.lastIndexOf('=') + 1);
  }

  private static Object value(Stack stack, String logicalId, Class<?> type, String where) {
    if (logicalId.isEmpty()) {
      if (type == Stack.class) return stack;
      throw new ExtensionConfigurationException(
          "@FromStack "
              + where
              + " of type "
              + type.getSimpleName()
              + " needs a logical id, such as @FromStack(\"WebServerGroup\"); "
              + stack.logicalIds());
    }
    if (!stack.logicalIds().contains(logicalId)) {
      throw new ExtensionConfigurationException(
          "@FromStack(\""
              + logicalId
              + "\") "
              + where
              + ": stack "
              + stack.stackName()
              + " has no resource "
              + logicalId
              + "; its logical ids: "
              + stack.logicalIds());
    }
    StackResource r = stack.resource(logicalId);
    if (type == StackResource.class) return r;
    if (type == String.class) return r.physicalId();
    if (type == Stack.class) return stack.nestedStack(logicalId);
    if (type.isInstance(r.twinResource())) return r.twinResource();
    throw new ExtensionConfigurationException(
        "@FromStack(\""
            + logicalId
            + "\") "
            + where
            + " is a "
            + type.getSimpleName()
            + ", but "
            + logicalId
            + " ("
            + r.resourceType()
            + ") is "
            + (r.twinResource() == null
                ? "not an object of the twin"
                : "a " + r.twinResource().getClass().getSimpleName())
            + "; inject it as StackResource or String instead");
  }
}
