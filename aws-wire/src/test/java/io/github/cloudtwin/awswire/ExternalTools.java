package io.github.cloudtwin.awswire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the AWS CLI and Python against a loopback endpoint, with dummy credentials and no user
 * config.
 */
final class ExternalTools {

  private ExternalTools() {}

  /** The outcome of one process. */
  record Run(int exit, String out, String err) {}

  /** Whether {@code command} runs and exits 0; the reason it does not otherwise. */
  static String unavailable(String... command) {
    try {
      Run r = run(Map.of(), List.of(command));
      return r.exit == 0
          ? null
          : String.join(" ", command) + " exited " + r.exit + ": " + r.err.strip();
    } catch (IOException e) {
      return String.join(" ", command) + " cannot run: " + e.getMessage();
    }
  }

  static Map<String, String> awsEnvironment() {
    return Map.of(
        "AWS_ACCESS_KEY_ID",
        "cloudtwin",
        "AWS_SECRET_ACCESS_KEY",
        "cloudtwin",
        "AWS_DEFAULT_REGION",
        "us-east-1",
        "AWS_CONFIG_FILE",
        "/nonexistent/cloudtwin-config",
        "AWS_SHARED_CREDENTIALS_FILE",
        "/nonexistent/cloudtwin-credentials",
        "AWS_PAGER",
        "",
        "AWS_EC2_METADATA_DISABLED",
        "true",
        "AWS_MAX_ATTEMPTS",
        "1");
  }

  static Run run(Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    // read both streams fully (they are small) on this thread and a helper
    var err = new java.util.concurrent.CompletableFuture<String>();
    Thread t =
        new Thread(
            () -> {
              try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                err.complete(e.toString());
              }
            });
    t.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Run(p.exitValue(), out, err.get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /**
   * Runs the AWS CLI against {@code endpoint} and expects success; answers its stdout, stripped.
   */
  static String aws(URI endpoint, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint.toString()));
    command.addAll(List.of(args));
    Run r = run(awsEnvironment(), command);
    assertThat(r.exit).as("exit of %s; stderr: %s", command, r.err).isZero();
    return r.out.strip();
  }

  /** A control API call; answers the JSON body after checking status 200. */
  static String control(URI endpoint, String method, String pathAndQuery) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("%s %s: %s", method, pathAndQuery, r.body()).isEqualTo(200);
    return r.body();
  }
}
