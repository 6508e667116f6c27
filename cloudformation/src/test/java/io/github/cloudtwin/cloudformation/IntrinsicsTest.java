package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every short-form tag and intrinsic function, resolved as CloudFormation resolves it. */
class IntrinsicsTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Env: {Type: String, Default: test}
        Names: {Type: CommaDelimitedList, Default: "a,b,c"}
      Mappings:
        Sizes:
          test: {Max: "4"}
      Conditions:
        IsTest: !Equals [!Ref Env, test]
        IsProd: !Not [!Condition IsTest]
        Both: !And [!Condition IsTest, !Equals ["1", 1]]
        Either: !Or [!Condition IsProd, !Condition Both]
      Resources:
        Topic:
          Type: AWS::SNS::Topic
      Outputs:
        Ref: {Value: !Ref Env}
        Sub: {Value: !Sub "${AWS::StackName}-${Env}-${Topic.TopicName}-${!Literal}"}
        SubVars: {Value: !Sub ["${A}/${B}", {A: !Ref "AWS::Region", B: !FindInMap [Sizes, !Ref Env, Max]}]}
        GetAtt: {Value: !GetAtt Topic.TopicName}
        GetAttLong: {Value: {"Fn::GetAtt": [Topic, TopicArn]}}
        Join: {Value: !Join ["+", !Ref Names]}
        Select: {Value: !Select ["1", !Split [",", "x,y,z"]]}
        If: {Value: !If [IsProd, prod, !If [Either, either, neither]]}
        Azs: {Value: !Join [",", !GetAZs ""]}
        Import: {Value: !ImportValue shared-vpc-id}
        Base64: {Value: !Base64 "hi"}
        Cidr: {Value: !Join [" ", !Cidr ["10.0.0.0/16", 2, 8]]}
        Pseudo: {Value: !Sub "${AWS::AccountId} ${AWS::Partition} ${AWS::URLSuffix} ${AWS::Region}"}
        NoValue: {Value: !Join [",", [a, !Ref "AWS::NoValue", b]]}
        OnlyInProd:
          Condition: IsProd
          Value: prod
      """;

  @Test
  void accountIdAndArnsComeFromTheTwinsAccount() {
    Stack stack =
        StackImport.of(Template.parse("intrinsics.yaml", TEMPLATE))
            .stackName("ops")
            .importValue("shared-vpc-id", "vpc-0123")
            .importInto(io.github.cloudtwin.CloudTwin.builder().accountId("210987654321").build());
    String topic = stack.resource("Topic").attributes().get("TopicName").toString();
    assertThat(stack.outputs())
        .containsEntry("Pseudo", "210987654321 aws amazonaws.com us-east-1")
        .containsEntry("GetAttLong", "arn:aws:sns:us-east-1:210987654321:" + topic);
  }

  @Test
  void everyTagAndFunctionResolves() {
    Stack stack =
        StackImport.of(Template.parse("intrinsics.yaml", TEMPLATE))
            .stackName("ops")
            .importValue("shared-vpc-id", "vpc-0123")
            .importInto(Estates.twin());
    Map<String, String> o = stack.outputs();
    String topic = stack.resource("Topic").attributes().get("TopicName").toString();
    assertThat(topic).matches("ops-Topic-[A-Z0-9]{13}");
    assertThat(o)
        .containsEntry("Ref", "test")
        .containsEntry("Sub", "ops-test-" + topic + "-${Literal}")
        .containsEntry("SubVars", "us-east-1/4")
        .containsEntry("GetAtt", topic)
        .containsEntry("GetAttLong", "arn:aws:sns:us-east-1:123456789012:" + topic)
        .containsEntry("Join", "a+b+c")
        .containsEntry("Select", "y")
        .containsEntry("If", "either")
        .containsEntry("Azs", "us-east-1a,us-east-1b,us-east-1c")
        .containsEntry("Import", "vpc-0123")
        .containsEntry("Base64", "aGk=")
        .containsEntry("Cidr", "10.0.0.0/24 10.0.1.0/24")
        .containsEntry("Pseudo", "123456789012 aws amazonaws.com us-east-1")
        .containsEntry("NoValue", "a,b")
        .doesNotContainKey("OnlyInProd");
  }

  @Test
  void jsonAndTheCdkMapGiveTheSameTemplateAsYaml() {
    Template yaml =
        Template.parse(
            "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub \"${AWS::StackName}-t\"\n");
    Template json =
        Template.parse(
            "{\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\", \"Properties\": {\"TopicName\": {\"Fn::Sub\": \"${AWS::StackName}-t\"}}}}}");
    Template map =
        Template.fromMap(
            Map.of(
                "Resources",
                Map.of(
                    "T",
                    Map.of(
                        "Type",
                        "AWS::SNS::Topic",
                        "Properties",
                        Map.of("TopicName", Map.of("Fn::Sub", "${AWS::StackName}-t"))))));
    assertThat(json.body()).isEqualTo(yaml.body());
    assertThat(map.body()).isEqualTo(yaml.body());
  }

  @Test
  void shortFormTagsBecomeTheirLongForm() {
    Template t =
        Template.parse(
            """
        Resources:
          T:
            Type: AWS::SNS::Topic
            Properties:
              A: !GetAtt X.Outputs.Name
              B: !GetAZs
              C: !Select [0, !GetAZs ""]
              D: !Condition IsProd
        """);
    @SuppressWarnings("unchecked")
    Map<String, Object> p =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) t.body().get("Resources")).get("T"))
                .get("Properties");
    assertThat(p.get("A")).isEqualTo(Map.of("Fn::GetAtt", List.of("X", "Outputs.Name")));
    assertThat(p.get("B")).isEqualTo(Map.of("Fn::GetAZs", ""));
    assertThat(p.get("C")).isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
    assertThat(p.get("D")).isEqualTo(Map.of("Condition", "IsProd"));
  }

  @Test
  void aMissingExportAndAnIndexOutOfRangeFailWithCloudFormationsMessages() {
    String t =
        "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: %s\n";
    assertThatThrownBy(
            () ->
                StackImport.of(Template.parse(t.formatted("!ImportValue nope")))
                    .importInto(Estates.twin()))
        .isInstanceOfSatisfying(
            TemplateValidationException.class, e -> assertThat(e.logicalId()).isEqualTo("T"))
        .hasMessageContaining("No export named nope found");
    assertThatThrownBy(
            () ->
                StackImport.of(Template.parse(t.formatted("!Select [3, [a, b]]")))
                    .importInto(Estates.twin()))
        .hasMessageContaining("Fn::Select cannot select nonexistent value at index 3");
  }
}
