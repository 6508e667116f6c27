package io.github.cloudtwin.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

  @Test
  void readsObjectsArraysStringsNumbersAndLiteralsInOrder() {
    Object v =
        Json.parse(
            "a.json",
            "{\"b\": [1, -2.5e2, 0.125], \"a\": \"x\\u0041\\n\", \"t\": true, \"f\": false, \"n\": null, \"e\": {}}");
    assertThat(v).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    assertThat(m.keySet()).containsExactly("b", "a", "t", "f", "n", "e");
    assertThat(m.get("b")).isEqualTo(List.of(1.0, -250.0, 0.125));
    assertThat(m.get("a")).isEqualTo("xA\n");
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.containsKey("n")).isTrue();
    assertThat(m.get("n")).isNull();
    assertThat(m.get("e")).isEqualTo(Map.of());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "trailing comma in an array",
            "{\"a\": [1, 2,]}",
            "a.json:1:13",
            "another value after ','"),
        Arguments.of(
            "trailing comma in an object",
            "{\"a\": 1,\n}",
            "a.json:2:1",
            "another member after ','"),
        Arguments.of("NaN", "{\"a\": NaN}", "a.json:1:7", "expected a JSON value"),
        Arguments.of("a second document", "{} {}", "a.json:1:4", "end of the document"),
        Arguments.of("an unterminated string", "{\"a\": \"x", "a.json:1:9", "a closing"),
        Arguments.of("a single quote", "{'a': 1}", "a.json:1:2", "a member name in double quotes"),
        Arguments.of("a leading zero", "[01]", "a.json:1:3", "the end of the number"),
        Arguments.of("a missing colon", "{\"a\" 1}", "a.json:1:6", "expected ':'"),
        Arguments.of("a comment", "// hi\n{}", "a.json:1:1", "expected a JSON value"),
        Arguments.of("nothing", "   ", "a.json:1:4", "expected a JSON value"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesWhatIsNotStrictJsonNamingLineAndColumn(
      String what, String text, String where, String expected) {
    assertThatThrownBy(() -> Json.parse("a.json", text))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(expected);
  }

  @Test
  void aDuplicateKeyIsNamedWhereItAppearsTheSecondTime() {
    assertThatThrownBy(() -> Json.parse("d.json", "{\n  \"Id\": \"a\",\n  \"Id\": \"b\"\n}"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("d.json:3:3")
        .hasMessageContaining("\"Id\"");
  }

  @Test
  void nestingIsBounded() {
    assertThatThrownBy(() -> Json.parse("deep.json", "[".repeat(100) + "]".repeat(100)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("nested");
  }
}
