package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parameters: defaults, the test's values, and CloudFormation's constraint checks and messages. */
class ParametersTest {

  private static final Template TEMPLATE =
      Template.parse(
          "params.yaml",
          """
      Parameters:
        Env: {Type: String, AllowedValues: [test, prod], Default: test}
        Size: {Type: Number, MinValue: 1, MaxValue: 10, Default: 2}
        Name: {Type: String, MinLength: 3, MaxLength: 8, AllowedPattern: "[a-z]+", Default: web}
        Zone: {Type: "AWS::EC2::AvailabilityZone::Name", Default: us-east-1b}
        Subnets: {Type: "List<AWS::EC2::Subnet::Id>", Default: ""}
        Image: {Type: "AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", Default: /ami/latest}
        Required: {Type: String}
      Resources:
        T: {Type: AWS::SNS::Topic}
      Outputs:
        All: {Value: !Sub "${Env} ${Size} ${Name} ${Zone} ${Image} ${Required}"}
        Subnets: {Value: !Join [",", !Ref Subnets]}
      """);

  private static StackImport.Builder valid() {
    return StackImport.of(TEMPLATE).parameter("Required", "x").ssmParameter("/ami/latest", "ami-1");
  }

  @Test
  void defaultsTheTestsValuesAndSsmParametersResolve() {
    Stack stack =
        valid()
            .parameters("Env=prod;Size=7;Subnets=subnet-1,subnet-2")
            .subnet("subnet-1", "us-east-1a")
            .subnet("subnet-2", "us-east-1c")
            .importInto(Estates.twin());
    assertThat(stack.output("All")).isEqualTo("prod 7 web us-east-1b ami-1 x");
    assertThat(stack.output("Subnets")).isEqualTo("subnet-1,subnet-2");
  }

  @Test
  void eachConstraintIsCheckedWithCloudFormationsMessage() {
    assertThatThrownBy(() -> valid().parameter("Env", "dev").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Env' must be one of AllowedValues");
    assertThatThrownBy(() -> valid().parameter("Size", "11").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Size' must be a number not greater than 10");
    assertThatThrownBy(() -> valid().parameter("Size", "0").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Size' must be a number not less than 1");
    assertThatThrownBy(() -> valid().parameter("Size", "two").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Size' must be a number.");
    assertThatThrownBy(() -> valid().parameter("Name", "ab").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Name' must contain at least 3 characters");
    assertThatThrownBy(() -> valid().parameter("Name", "abcdefghi").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Name' must not contain more than 8 characters");
    assertThatThrownBy(() -> valid().parameter("Name", "Web").importInto(Estates.twin()))
        .hasMessageContaining("Parameter 'Name' must match pattern [a-z]+");
    assertThatThrownBy(() -> valid().parameter("Zone", "us-west-2a").importInto(Estates.twin()))
        .hasMessageContaining("Parameter value us-west-2a for parameter name Zone does not exist.");
    assertThatThrownBy(() -> valid().parameter("Subnets", "subnet-9").importInto(Estates.twin()))
        .hasMessageContaining(
            "Parameter value subnet-9 for parameter name Subnets does not exist.");
  }

  @Test
  void missingAndUnknownParametersAndUnsuppliedSsmValuesFail() {
    assertThatThrownBy(
            () ->
                StackImport.of(TEMPLATE)
                    .ssmParameter("/ami/latest", "ami-1")
                    .importInto(Estates.twin()))
        .isInstanceOfSatisfying(
            TemplateValidationException.class, e -> assertThat(e.logicalId()).isEqualTo("Required"))
        .hasMessageContaining("Parameters: [Required] must have values");
    assertThatThrownBy(() -> valid().parameter("Sise", "3").importInto(Estates.twin()))
        .hasMessageContaining("Parameters: [Sise] do not exist in the template");
    assertThatThrownBy(
            () -> StackImport.of(TEMPLATE).parameter("Required", "x").importInto(Estates.twin()))
        .hasMessageContaining(
            "Unable to fetch parameters [/ami/latest] from parameter store for this account.");
  }
}
