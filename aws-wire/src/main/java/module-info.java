/**
 * The services' wire protocols over a twin: the SDK's HTTP-client hook (in-process, no port) and a
 * loopback endpoint for the AWS CLI, boto3 and other SDKs.
 */
@SuppressWarnings({
  "requires-automatic",
  "requires-transitive-automatic"
}) // the AWS SDK's jars declare Automatic-Module-Name only
module io.github.cloudtwin.awswire {
  requires transitive io.github.cloudtwin.awssdk;
  requires transitive software.amazon.awssdk.http;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.utils;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires jdk.net;
  requires org.reactivestreams;
  requires static transitive io.github.cloudtwin.junit;
  requires static transitive org.junit.jupiter.api;
  requires static org.junit.platform.commons;

  exports io.github.cloudtwin.awswire;
  exports io.github.cloudtwin.awswire.junit;

  provides software.amazon.awssdk.http.SdkHttpService with
      io.github.cloudtwin.awswire.TwinSdkHttpService;
  provides software.amazon.awssdk.http.async.SdkAsyncHttpService with
      io.github.cloudtwin.awswire.TwinSdkHttpService;
}
