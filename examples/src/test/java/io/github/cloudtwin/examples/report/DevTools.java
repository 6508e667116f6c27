package io.github.cloudtwin.examples.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One headless chromium driven over the Chrome DevTools Protocol: a WebSocket on a loopback port
 * the browser picks ({@code --remote-debugging-port=0}), spoken with the JDK's own client, so no
 * WebDriver and no extra dependency. A page opens in a tab of a fixed size with focus emulation on
 * (a headless page has keyboard focus whether or not the machine's window manager gives it any), a
 * script evaluated before the page's own, and waits for the load event; what the page computes is
 * read back by awaiting a promise, never by sleeping.
 *
 * <p>Protocol: <a href="https://chromedevtools.github.io/devtools-protocol/">Chrome DevTools
 * Protocol</a> ({@code Target.createTarget}, {@code Page.addScriptToEvaluateOnNewDocument}, {@code
 * Emulation.setFocusEmulationEnabled}, {@code Runtime.evaluate} with {@code awaitPromise}, {@code
 * Page.captureScreenshot}, {@code Performance.getMetrics}).
 */
final class DevTools implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 90;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private DevTools(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts {@code binary} headless and connects to its DevTools endpoint. */
  static DevTools launch(Path binary) {
    Path profile = null;
    Process process = null;
    try {
      profile = Files.createTempDirectory("cloudtwin-chromium");
      process =
          new ProcessBuilder(
                  binary.toString(),
                  "--headless",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--hide-scrollbars",
                  "--no-first-run",
                  "--no-default-browser-check",
                  "--disable-extensions",
                  "--disable-background-networking",
                  "--remote-debugging-address=127.0.0.1",
                  "--remote-debugging-port=0",
                  "--user-data-dir=" + profile,
                  "about:blank")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(profile.resolve("stderr.txt").toFile())
              .start();
      URI endpoint = endpoint(process, profile);
      DevTools[] self = new DevTools[1];
      Listener listener = new Listener(msg -> self[0].dispatch(msg));
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(endpoint, listener)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      self[0] = new DevTools(process, profile, socket);
      return self[0];
    } catch (IOException e) {
      cleanUp(process, profile);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      cleanUp(process, profile);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      cleanUp(process, profile);
      throw new IllegalStateException("could not connect to chromium's DevTools endpoint", e);
    }
  }

  /** The port and path chromium writes to {@code DevToolsActivePort} in its profile, once up. */
  private static URI endpoint(Process process, Path profile)
      throws IOException, InterruptedException {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() >= 2 && !lines.get(1).isBlank())
          return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
      }
      if (!process.isAlive())
        fail(
            "chromium exited with "
                + process.exitValue()
                + ": "
                + Files.readString(profile.resolve("stderr.txt"), StandardCharsets.UTF_8));
      // the browser writes the file when its endpoint listens: poll for that condition
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    fail("chromium wrote no DevToolsActivePort within " + TIMEOUT_SECONDS + " s");
    throw new AssertionError("unreachable");
  }

  /**
   * Opens {@code page} in a new tab of {@code width} x {@code height} CSS pixels, with {@code
   * initScript} evaluated before any of the page's own scripts, and returns once its load event has
   * fired.
   */
  Tab open(Path page, int width, int height, String initScript) {
    String targetId =
        call(null, "Target.createTarget", obj().put("url", "about:blank")).get("targetId").asText();
    String session =
        call(null, "Target.attachToTarget", obj().put("targetId", targetId).put("flatten", true))
            .get("sessionId")
            .asText();
    Tab tab = new Tab(targetId, session);
    call(session, "Page.enable", obj());
    call(session, "Performance.enable", obj());
    call(session, "Emulation.setFocusEmulationEnabled", obj().put("enabled", true));
    call(
        session,
        "Emulation.setDeviceMetricsOverride",
        obj()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
    call(session, "Page.addScriptToEvaluateOnNewDocument", obj().put("source", initScript));
    CompletableFuture<JsonNode> loaded = event(session, "Page.loadEventFired");
    JsonNode nav = call(session, "Page.navigate", obj().put("url", page.toUri().toString()));
    if (nav.hasNonNull("errorText"))
      fail("chromium could not open " + page + ": " + nav.get("errorText").asText());
    await(loaded, "the load event of " + page);
    return tab;
  }

  /** A tab with a page loaded. */
  final class Tab {
    private final String targetId;
    private final String session;

    private Tab(String targetId, String session) {
      this.targetId = targetId;
      this.session = session;
    }

    /**
     * The value of {@code expression} (a promise is awaited), as JSON; fails on an exception in the
     * page.
     */
    JsonNode evaluate(String expression) {
      JsonNode r =
          call(
              session,
              "Runtime.evaluate",
              obj()
                  .put("expression", expression)
                  .put("awaitPromise", true)
                  .put("returnByValue", true));
      if (r.has("exceptionDetails"))
        fail("the page threw evaluating " + expression + ": " + r.get("exceptionDetails"));
      return r.get("result").path("value");
    }

    /** The renderer's counters and durations ({@code Performance.getMetrics}), by name. */
    Map<String, Double> metrics() {
      Map<String, Double> out = new LinkedHashMap<>();
      for (JsonNode m : call(session, "Performance.getMetrics", obj()).get("metrics"))
        out.put(m.get("name").asText(), m.get("value").asDouble());
      return out;
    }

    /**
     * Saves the top {@code height} CSS pixels of the page, at the tab's width, to {@code png}
     * (below the window's bottom too).
     */
    Path screenshot(Path png, int width, int height) {
      ObjectNode clip =
          obj().put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
      ObjectNode params = obj().put("format", "png").put("captureBeyondViewport", true);
      params.set("clip", clip);
      JsonNode r = call(session, "Page.captureScreenshot", params);
      try {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(png, Base64.getDecoder().decode(r.get("data").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return png;
    }

    /** Closes the tab. */
    void close() {
      call(null, "Target.closeTarget", obj().put("targetId", targetId));
    }
  }

  private static ObjectNode obj() {
    return JSON.createObjectNode();
  }

  private CompletableFuture<JsonNode> event(String session, String method) {
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    Consumer<JsonNode> l =
        new Consumer<>() {
          @Override
          public void accept(JsonNode msg) {
            if (method.equals(msg.path("method").asText())
                && session.equals(msg.path("sessionId").asText())) {
              listeners.remove(this);
              f.complete(msg.path("params"));
            }
          }
        };
    listeners.add(l);
    return f;
  }

  private JsonNode call(String session, String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode msg = obj().put("id", id).put("method", method);
    msg.set("params", params);
    if (session != null) msg.put("sessionId", session);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(msg.toString(), true).join();
    JsonNode r = await(reply, method);
    if (r.has("error")) fail("chromium answered " + method + " with " + r.get("error"));
    return r.path("result");
  }

  private JsonNode await(CompletableFuture<JsonNode> f, String what) {
    try {
      return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      fail("chromium gave no " + what + " within " + TIMEOUT_SECONDS + " s");
      throw new AssertionError("unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void dispatch(String text) {
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (IOException e) {
      return; // not ours to understand
    }
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) f.complete(msg);
    } else {
      for (Consumer<JsonNode> l : listeners) l.accept(msg);
    }
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the browser goes anyway
    }
    cleanUp(process, profile);
  }

  private static void cleanUp(Process process, Path profile) {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (profile == null) return;
    try (var walk = Files.walk(profile)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary profile left behind is harmless
    }
  }

  /** Joins a message's frames and hands each whole message on. */
  private static final class Listener implements WebSocket.Listener {
    private final Consumer<String> onMessage;
    private final List<CharSequence> parts = new ArrayList<>();

    Listener(Consumer<String> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      parts.add(data.toString());
      if (last) {
        String whole = String.join("", parts);
        parts.clear();
        onMessage.accept(whole);
      }
      ws.request(1);
      return null;
    }
  }
}
