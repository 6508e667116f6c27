package io.github.cloudtwin.awssdk.internal.operations;

import io.github.cloudtwin.elb.Protocol;
import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;

/**
 * Elastic Load Balancing's error answers: {@code ValidationError}, a protocol's name, and a core
 * refusal answered with the AWS error code its message starts with.
 */
final class ElbErrors {

  private ElbErrors() {}

  private static final List<String> CORE_CODES =
      List.of(
          "PriorityInUse",
          "ResourceInUse",
          "RuleNotFound",
          "ListenerNotFound",
          "TargetGroupNotFound",
          "LoadBalancerNotFound",
          "DuplicateListener");

  /** Runs a core change, answering its refusal with the AWS error code its message starts with. */
  static void core(Runnable change) {
    try {
      change.run();
    } catch (ValidationException e) {
      String m = e.getMessage();
      for (String code : CORE_CODES) {
        if (m.startsWith(code)) {
          String text = m.startsWith(code + ": ") ? m.substring(code.length() + 2) : m;
          int detail = text.indexOf(" [Invalid value");
          throw AwsErrorException.badRequest(code, detail > 0 ? text.substring(0, detail) : text);
        }
      }
      throw validation(m);
    }
  }

  static Protocol protocol(String p) {
    try {
      return Protocol.valueOf(p);
    } catch (IllegalArgumentException e) {
      throw validation("Protocol '" + p + "' is not supported");
    }
  }

  static AwsErrorException validation(String message) {
    return AwsErrorException.badRequest("ValidationError", message);
  }
}
