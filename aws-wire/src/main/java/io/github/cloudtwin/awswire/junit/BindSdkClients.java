package io.github.cloudtwin.awswire.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Switches the in-process door on for a test class: AWS SDK for Java v2 clients that the code under
 * test builds itself ({@code AutoScalingClient.create()}, {@code
 * EcsClient.builder().region(...).build()}) are answered by the twin of the running test, in the
 * test's thread, on virtual time, without a socket. Put it after {@code @CloudTwinTest}.
 *
 * <pre>{@code
 * @CloudTwinTest(seed = 7)
 * @BindSdkClients
 * class ScalerTest {
 *   @Test
 *   void scalesOut(Ec2Client ec2, CloudTwin twin) {
 *     new Scaler().run();   // builds AutoScalingClient.create() inside
 *     assertThat(twin.autoScaling().group("web").desiredCapacity()).isEqualTo(4);
 *   }
 * }
 * }</pre>
 *
 * <p>Before the class's first test the extension makes the SDK pick {@code TwinSdkHttpService} as
 * its default HTTP implementation (the two {@code software.amazon.awssdk.http.*service.impl} system
 * properties, when unset) and gives the SDK's default providers a region and credentials when the
 * system properties and the environment name none (any credentials work: signatures are accepted,
 * not verified). It then checks that the SDK really picked the twin and fails the class with the
 * reason if not, for the SDK chooses once per JVM: a client built earlier in the JVM without these
 * properties (another test class, a static field) fixed the choice, and only setting the properties
 * for the whole test JVM (Surefire's {@code systemPropertyVariables}) helps then.
 *
 * <p>Around each test the twin is bound ({@code AwsWire.bind()}) on the test's thread; requests
 * from other threads are answered as {@code AwsWire.bind()} documents. The wire answers from the
 * same {@code AwsSdkClients} the test's injected SDK clients use, so a launch template created
 * through an injected {@code Ec2Client} is seen by clients the code builds. An {@code AwsWire}
 * parameter gets that wire (for {@code startEndpoint()}, say).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BindSdkClientsExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface BindSdkClients {

  /**
   * {@return whether to set the SDK's two HTTP-service system properties to {@code
   * TwinSdkHttpService} when they are unset (a property naming another class fails the class); off:
   * the build sets them, or the twin's module is the only HTTP implementation on the class path}
   */
  boolean selectHttpService() default true;

  /**
   * {@return whether to give the SDK's default providers the twin's region ({@code aws.region}) and
   * dummy credentials ({@code aws.accessKeyId}, {@code aws.secretAccessKey}) when neither the
   * system properties nor the environment ({@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}) have
   * them}
   */
  boolean defaultRegionAndCredentials() default true;
}
