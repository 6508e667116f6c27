package io.github.cloudtwin.kernel;

import io.github.cloudtwin.internal.kernel.Require;
import org.apiguardian.api.API;

/**
 * The one home of a twin's ARNs and account id: every resource of one twin lives in one partition
 * ({@code aws}), one region and one account, and every ARN the twin hands out is made here. An
 * immutable value, safe to share.
 *
 * <p>ARN format: {@code arn:aws:<service>:<region>:<account-id>:<resource>}, see
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html (section "ARN format").
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Arns {

  /**
   * The account id a twin uses unless {@code CloudTwin.builder().accountId(...)} says otherwise.
   */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  private final String region;
  private final String accountId;

  /**
   * ARNs in {@code region} of account {@code accountId}.
   *
   * @param region the region code, for instance {@code us-east-1}
   * @param accountId the 12-digit account id
   */
  public Arns(String region, String accountId) {
    this.region = Require.name("region", region);
    this.accountId = accountId(accountId);
  }

  /**
   * The account id, or a ValidationException when it is not 12 digits (AWS account ids are).
   *
   * @param accountId the account id
   * @return the account id
   */
  public static String accountId(String accountId) {
    if (accountId == null
        || accountId.length() != 12
        || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new ValidationException(
          "accountId", accountId, "12 digits, as an AWS account id (for instance 123456789012)");
    }
    return accountId;
  }

  /** {@return the region code} */
  public String region() {
    return region;
  }

  /** {@return the 12-digit account id} */
  public String accountId() {
    return accountId;
  }

  /**
   * The ARN of a regional resource: {@code arn:aws:<service>:<region>:<account>:<resource>}.
   *
   * @param service the service namespace, for instance {@code ecs} or {@code elasticloadbalancing}
   * @param resource the resource part, for instance {@code cluster/prod}
   * @return the ARN
   */
  public String of(String service, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
  }

  /**
   * The ARN of a global resource (IAM): {@code arn:aws:<service>::<account>:<resource>}.
   *
   * @param service the service namespace, for instance {@code iam}
   * @param resource the resource part, for instance {@code role/deploy}
   * @return the ARN
   */
  public String global(String service, String resource) {
    return "arn:aws:" + service + "::" + accountId + ":" + resource;
  }

  @Override
  public String toString() {
    return "Arns[" + region + ", " + accountId + "]";
  }
}
