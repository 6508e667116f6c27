package io.github.cloudtwin.awswire.junit;

import io.github.cloudtwin.CloudTwin;
import io.github.cloudtwin.awssdk.AwsSdkClients;
import io.github.cloudtwin.awswire.AwsWire;
import io.github.cloudtwin.junit.CloudTwinExtension;
import io.github.cloudtwin.junit.ExtensionStores;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link BindSdkClients}: selects the SDK's HTTP service before the class,
 * binds the test's twin around each test, and injects its {@link AwsWire}. Holds no state itself:
 * the wires live in the class's JUnit store, the binding in the test's.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class BindSdkClientsExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(BindSdkClientsExtension.class);
  private static final String BINDING = "binding";

  /** The wire of each twin of a class (one for a per-class twin). */
  private static final class Wires {
    private final Map<CloudTwin, AwsWire> byTwin = new IdentityHashMap<>();

    synchronized AwsWire wire(ExtensionContext context, CloudTwin twin) {
      return byTwin.computeIfAbsent(
          twin,
          t ->
              AwsWire.of(
                  CloudTwinExtension.injected(context, AwsSdkClients.class)
                      .orElseGet(() -> AwsSdkClients.of(t))));
    }
  }

  /** Created by JUnit through {@link BindSdkClients}. */
  public BindSdkClientsExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    BindSdkClients settings = settings(context);
    SdkDefaults defaults = SdkDefaults.of(System.getProperties(), System.getenv());
    if (settings.selectHttpService()) defaults.selectHttpService();
    SdkDefaults.checkChosen(SdkDefaults.sdkDefaultHttpClientName());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    CloudTwin twin = twin(context);
    if (settings(context).defaultRegionAndCredentials()) {
      SdkDefaults.of(System.getProperties(), System.getenv())
          .defaultRegionAndCredentials(twin.region());
    }
    context.getStore(NAMESPACE).put(BINDING, wire(context, twin).bind());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    AwsWire.Binding binding = context.getStore(NAMESPACE).remove(BINDING, AwsWire.Binding.class);
    if (binding != null) binding.close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AwsWire.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return wire(context, twin(context));
  }

  private static AwsWire wire(ExtensionContext context, CloudTwin twin) {
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return ExtensionStores.getOrCompute(
            classContext.getStore(NAMESPACE), Wires.class, k -> new Wires(), Wires.class)
        .wire(context, twin);
  }

  private static CloudTwin twin(ExtensionContext context) {
    return CloudTwinExtension.currentTwin(context)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "@BindSdkClients binds the twin of @CloudTwinTest (or a registered CloudTwinExtension), and "
                        + context.getDisplayName()
                        + " has none yet: put @CloudTwinTest before @BindSdkClients"));
  }

  private static BindSdkClients settings(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      if (c.getTestClass().isEmpty()) break;
      var found = AnnotationSupport.findAnnotation(c.getRequiredTestClass(), BindSdkClients.class);
      if (found.isPresent()) return found.get();
    }
    throw new ExtensionConfigurationException(
        "BindSdkClientsExtension is registered by @BindSdkClients on the test class; "
            + context.getDisplayName()
            + " has none");
  }
}
