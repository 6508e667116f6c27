package io.github.cloudtwin.cloudformation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What an import did not simulate: resources of types the twin does not model (IAM, SNS, security
 * groups, custom resources, ...), properties of simulated resources it does not model (each by its
 * path, such as {@code Properties.LaunchTemplateData.ImageId}), attributes it does not honour
 * (CreationPolicy, UpdatePolicy), and notes on choices it made. Nothing here made the import fail.
 * Immutable.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ImportReport {

  /** What an entry reports. */
  public enum Kind {
    /** A resource the twin does not simulate; it exists only as a name for Ref and Fn::GetAtt. */
    NOT_SIMULATED,
    /** A property (or resource attribute) set in the template that the twin does not model. */
    UNMODELLED_PROPERTY,
    /** A choice the import made where the template left one open. */
    NOTE
  }

  /**
   * One finding.
   *
   * @param kind what it reports
   * @param stackName the stack (a nested stack reports under its own name)
   * @param logicalId the resource's logical id
   * @param resourceType its type, such as {@code AWS::IAM::Role}
   * @param path the property path, or null for a whole resource
   * @param reason why, in a few words
   */
  public record Entry(
      Kind kind,
      String stackName,
      String logicalId,
      String resourceType,
      @Nullable String path,
      String reason) {
    /**
     * Validates.
     *
     * @param kind what it reports
     * @param stackName the stack (a nested stack reports under its own name)
     * @param logicalId the resource's logical id
     * @param resourceType its type, such as {@code AWS::IAM::Role}
     * @param path the property path, or null for a whole resource
     * @param reason why, in a few words
     */
    public Entry {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(stackName, "stackName");
      Objects.requireNonNull(logicalId, "logicalId");
      Objects.requireNonNull(resourceType, "resourceType");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return kind
          + " "
          + stackName
          + "/"
          + logicalId
          + " ("
          + resourceType
          + ")"
          + (path == null ? "" : " " + path)
          + ": "
          + reason;
    }
  }

  private final List<Entry> entries;

  ImportReport(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** {@return every entry, in creation order of the resources} */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * The entries of one kind.
   *
   * @param kind the kind
   * @return the entries of one kind
   */
  public List<Entry> entries(Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).toList();
  }

  /** {@return the logical ids of the resources not simulated} */
  public List<String> notSimulated() {
    return entries(Kind.NOT_SIMULATED).stream().map(Entry::logicalId).toList();
  }

  /**
   * The unmodelled property paths of one resource, such as {@code Properties.Tags}.
   *
   * @param logicalId the logical id
   * @return the unmodelled property paths of one resource, such as {@code Properties.Tags}
   */
  public List<String> unmodelledProperties(String logicalId) {
    return entries(Kind.UNMODELLED_PROPERTY).stream()
        .filter(e -> e.logicalId().equals(logicalId))
        .map(Entry::path)
        .toList();
  }

  /** {@return the report as text for people: one line per entry, grouped by kind} */
  public String text() {
    StringBuilder sb = new StringBuilder();
    sb.append("Import report: ")
        .append(entries(Kind.NOT_SIMULATED).size())
        .append(" resource(s) not simulated, ")
        .append(entries(Kind.UNMODELLED_PROPERTY).size())
        .append(" unmodelled propert(ies), ")
        .append(entries(Kind.NOTE).size())
        .append(" note(s)\n");
    for (Kind k : Kind.values()) {
      List<Entry> es = entries(k);
      if (es.isEmpty()) continue;
      sb.append(
          switch (k) {
            case NOT_SIMULATED -> "Not simulated:\n";
            case UNMODELLED_PROPERTY -> "Unmodelled properties:\n";
            case NOTE -> "Notes:\n";
          });
      for (Entry e : es) {
        sb.append("  ")
            .append(e.stackName())
            .append('/')
            .append(e.logicalId())
            .append(" (")
            .append(e.resourceType())
            .append(')');
        if (e.path() != null) sb.append(' ').append(e.path());
        sb.append(": ").append(e.reason()).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text();
  }

  /** Collects entries during an import. */
  static final class Collector {
    private final List<Entry> entries = new ArrayList<>();

    void add(
        Kind kind,
        String stack,
        String logicalId,
        String type,
        @Nullable String path,
        String reason) {
      entries.add(new Entry(kind, stack, logicalId, type, path, reason));
    }

    ImportReport build() {
      return new ImportReport(entries);
    }
  }
}
