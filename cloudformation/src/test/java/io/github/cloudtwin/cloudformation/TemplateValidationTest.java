package io.github.cloudtwin.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.CloudTwin;
import org.junit.jupiter.api.Test;

/** Invalid templates fail before anything is created, naming the logical id, property and value. */
class TemplateValidationTest {

  private static final String GROUP =
      """
      Resources:
        Template:
          Type: AWS::EC2::LaunchTemplate
          Properties:
            LaunchTemplateData: {InstanceType: t3.micro}
        Group:
          Type: AWS::AutoScaling::AutoScalingGroup
          Properties:
            LaunchTemplate: {LaunchTemplateId: !Ref Template, Version: "1"}
            MinSize: %s
            MaxSize: %s
            AvailabilityZones: !GetAZs ""
        Alarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            Namespace: AWS/EC2
            MetricName: CPUUtilization
            Dimensions: [{Name: AutoScalingGroupName, Value: !Ref Group}]
            Statistic: Average
            Period: 60
            EvaluationPeriods: 1
            Threshold: 80
            ComparisonOperator: GreaterThanThreshold
      """;

  private static void assertNothingCreated(CloudTwin twin) {
    assertThat(twin.autoScaling().groups()).isEmpty();
    assertThat(twin.cloudWatch().alarms()).isEmpty();
    assertThat(twin.loadBalancing().loadBalancers()).isEmpty();
    assertThat(twin.timeline().events()).isEmpty();
  }

  @Test
  void minSizeAboveMaxSizeFailsNamingTheGroupThePropertyAndTheValueAndCreatesNothing() {
    CloudTwin twin = Estates.twin();
    Template t = Template.parse("group.yaml", GROUP.formatted("5", "\"2\""));
    assertThatThrownBy(() -> StackImport.of(t).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Group");
              assertThat(e.property()).isEqualTo("Properties.MaxSize");
              assertThat(e.value()).isEqualTo(2);
            })
        .hasMessageContaining("Max bound, 2, must be greater than or equal to min bound, 5");
    assertNothingCreated(twin);
  }

  @Test
  void numbersWrittenAsStringsAreAcceptedButWordsAreNot() {
    CloudTwin twin = Estates.twin();
    Stack stack = StackImport.of(Template.parse(GROUP.formatted("\"1\"", "3"))).importInto(twin);
    assertThat(stack.autoScalingGroup("Group").minSize()).isEqualTo(1);

    CloudTwin other = Estates.twin();
    assertThatThrownBy(
            () -> StackImport.of(Template.parse(GROUP.formatted("one", "3"))).importInto(other))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> assertThat(e.property()).isEqualTo("Properties.MinSize"))
        .hasMessageContaining("#/MinSize: expected type: Integer, found: String");
    assertNothingCreated(other);
  }

  @Test
  void aRefToNothingFailsWithCloudFormationsUnresolvedDependencyMessage() {
    CloudTwin twin = Estates.twin();
    Template t =
        Template.parse(
            GROUP.formatted("1", "2").replace("Value: !Ref Group", "Value: !Ref WebGroup"));
    assertThatThrownBy(() -> StackImport.of(t).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Alarm");
              assertThat(e.property()).isEqualTo("Properties.Dimensions[0].Value.Ref");
              assertThat(e.value()).isEqualTo("WebGroup");
            })
        .hasMessageContaining(
            "Unresolved resource dependencies [WebGroup] in the Resources block of the template");
    assertNothingCreated(twin);
  }

  @Test
  void aCycleFailsNamingTheResourcesInIt() {
    CloudTwin twin = Estates.twin();
    Template t =
        Template.parse(
            """
        Resources:
          A:
            Type: AWS::SNS::Topic
            DependsOn: B
          B:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !GetAtt A.TopicName
          C:
            Type: AWS::SNS::Topic
        """);
    assertThatThrownBy(() -> StackImport.of(t).importInto(twin))
        .isInstanceOf(TemplateValidationException.class)
        .hasMessageContaining("Circular dependency between resources: [A, B]");
  }

  @Test
  void aLaterInvalidResourceLeavesNoEarlierOneCreated() {
    CloudTwin twin = Estates.twin();
    Template t = Template.parse(GROUP.formatted("1", "2").replace("Period: 60", "Period: 45"));
    assertThatThrownBy(() -> StackImport.of(t).importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> {
              assertThat(e.logicalId()).isEqualTo("Alarm");
              assertThat(e.property()).isEqualTo("Properties.Period");
            });
    assertNothingCreated(twin);
  }

  @Test
  void anUnknownYamlTagIsAnErrorNotSilentlyDropped() {
    assertThatThrownBy(
            () ->
                Template.parse(
                    "Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Reff X\n"))
        .isInstanceOf(TemplateValidationException.class)
        .hasMessageContaining("unknown tag !Reff at line 5");
  }

  @Test
  void aTemplateWithoutResourcesOrWithAnUnknownSectionIsRejected() {
    assertThatThrownBy(() -> Template.parse("Parameters: {}\n"))
        .hasMessageContaining("At least one Resources member must be defined.");
    assertThatThrownBy(() -> Template.parse("Resource:\n  A: {Type: AWS::SNS::Topic}\n"))
        .hasMessageContaining("Invalid template property or properties [Resource]");
  }

  @Test
  void anAlarmNameTheTwinAlreadyHasFailsBeforeAnythingIsCreated() {
    CloudTwin twin = Estates.twin();
    StackImport.of(
            Template.parse(
                GROUP
                    .formatted("1", "2")
                    .replace("Statistic: Average", "Statistic: Average\n      AlarmName: cpu")))
        .stackName("one")
        .importInto(twin);
    int events = twin.timeline().size();
    Template again =
        Template.parse(
            GROUP
                .formatted("1", "2")
                .replace("Statistic: Average", "Statistic: Average\n      AlarmName: cpu"));
    assertThatThrownBy(() -> StackImport.of(again).stackName("two").importInto(twin))
        .isInstanceOfSatisfying(
            TemplateValidationException.class,
            e -> assertThat(e.property()).isEqualTo("Properties.AlarmName"));
    assertThat(twin.autoScaling().groups()).hasSize(1);
    assertThat(twin.timeline().size()).isEqualTo(events);
  }
}
