package io.github.cloudtwin.cloudformation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Finds the template of a nested stack ({@code AWS::CloudFormation::Stack}) from its {@code
 * TemplateURL}. The twin fetches nothing over the network: the test says where the files are.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface TemplateResolver {

  /**
   * The template that {@code templateUrl} names; throw when there is none.
   *
   * @param templateUrl the template url
   * @return the template that {@code templateUrl} names; throw when there is none
   */
  Template resolve(String templateUrl);

  /**
   * The file name at the end of a URL: {@code https://bucket.s3.amazonaws.com/x/db.yaml} gives
   * {@code db.yaml}.
   *
   * @param templateUrl the template url
   * @return the file name at the end of a URL: {@code https://bucket.s3.amazonaws.com/x/db.yaml}
   *     gives {@code db.yaml}
   */
  static String fileName(String templateUrl) {
    String s = templateUrl;
    int q = s.indexOf('?');
    if (q >= 0) s = s.substring(0, q);
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /**
   * Resolves a URL's file name against a classpath folder, such as {@code templates}.
   *
   * @param folder the folder
   * @return the resolver
   */
  static TemplateResolver classpath(String folder) {
    Objects.requireNonNull(folder, "folder");
    String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    return url -> Template.classpath(prefix + fileName(url));
  }

  /**
   * Resolves a URL's file name against a directory.
   *
   * @param directory the directory
   * @return the resolver
   */
  static TemplateResolver directory(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return url -> {
      Path p = directory.resolve(fileName(url));
      if (!Files.isRegularFile(p)) {
        throw new TemplateValidationException(
            null,
            "TemplateURL",
            url,
            "a template file in " + directory + " (looked for " + p + ")");
      }
      return Template.load(p);
    };
  }

  /** {@return the default: no nested stacks} */
  static TemplateResolver none() {
    return url -> {
      throw new TemplateValidationException(
          null,
          "TemplateURL",
          url,
          "a template the test can resolve: give StackImport.Builder.templateResolver(TemplateResolver.classpath(\"templates\"))");
    };
  }
}
