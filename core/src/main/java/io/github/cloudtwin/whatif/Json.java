package io.github.cloudtwin.whatif;

import io.github.cloudtwin.kernel.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small strict JSON reader (RFC 8259) for the AWS CLI's exports: objects become insertion-ordered
 * maps, arrays lists, numbers doubles, plus strings, booleans and null. Anything else (trailing
 * commas, comments, NaN, single quotes, a second top-level value, duplicate keys) is a {@link
 * ValidationException} naming the source, the line and the column. Stateless apart from one parse.
 */
final class Json {

  private static final int MAX_DEPTH = 64;

  private final String source;
  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;
  private int depth;

  private Json(String source, String text) {
    this.source = source;
    this.text = text;
  }

  /**
   * Parses one JSON document.
   *
   * @param source the file name, for messages
   * @param text the document
   * @return the value: a Map, List, String, Double, Boolean or null
   */
  static @Nullable Object parse(String source, String text) {
    Json j = new Json(source, text);
    j.skipWhitespace();
    if (text.startsWith("\uFEFF")) j.pos++; // a byte order mark
    @Nullable Object v = j.value();
    j.skipWhitespace();
    if (j.pos < text.length()) throw j.error("end of the document after the first value");
    return v;
  }

  private @Nullable Object value() {
    skipWhitespace();
    if (pos >= text.length()) throw error("a JSON value");
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", true);
      case 'f':
        return literal("false", false);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("a JSON value (object, array, string, number, true, false or null)");
    }
  }

  private Map<String, Object> object() {
    enter();
    pos++; // {
    Map<String, Object> m = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      depth--;
      return m;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') throw error("a member name in double quotes");
      int keyLine = line;
      int keyColumn = column();
      String key = string();
      if (m.containsKey(key)) {
        throw new ValidationException(
            where(keyLine, keyColumn), key, "a member name that appears once per object");
      }
      skipWhitespace();
      expect(':');
      m.put(key, value());
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        skipWhitespace();
        if (peek() == '}') throw error("another member after ',' (no trailing commas)");
      } else if (c == '}') {
        pos++;
        depth--;
        return m;
      } else {
        throw error("',' or '}'");
      }
    }
  }

  private List<Object> array() {
    enter();
    pos++; // [
    List<Object> l = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      depth--;
      return l;
    }
    while (true) {
      l.add(value());
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
        skipWhitespace();
        if (peek() == ']') throw error("another value after ',' (no trailing commas)");
      } else if (c == ']') {
        pos++;
        depth--;
        return l;
      } else {
        throw error("',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) throw error("a closing '\"'");
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) throw error("no control character inside a string (escape it)");
      if (c == '\\') {
        pos++;
        if (pos >= text.length()) throw error("an escape sequence");
        char e = text.charAt(pos);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            if (pos + 4 >= text.length()) throw error("four hex digits after \\u");
            int cp = 0;
            for (int i = 1; i <= 4; i++) {
              int d = Character.digit(text.charAt(pos + i), 16);
              if (d < 0) throw error("four hex digits after \\u");
              cp = cp * 16 + d;
            }
            sb.append((char) cp);
            pos += 4;
          }
          default ->
              throw error("an escape sequence: \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
        }
        pos++;
      } else {
        sb.append(c);
        pos++;
      }
    }
  }

  private Double number() {
    int start = pos;
    if (peek() == '-') pos++;
    if (peek() == '0') {
      pos++;
    } else if (Character.isDigit(peek())) {
      while (Character.isDigit(peek())) pos++;
    } else {
      throw error("a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!Character.isDigit(peek())) throw error("a digit after the decimal point");
      while (Character.isDigit(peek())) pos++;
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') pos++;
      if (!Character.isDigit(peek())) throw error("a digit in the exponent");
      while (Character.isDigit(peek())) pos++;
    }
    if (Character.isLetterOrDigit(peek()) || peek() == '.') throw error("the end of the number");
    double d = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(d)) {
      pos = start;
      throw error("a number within the range of a double");
    }
    return d;
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, pos))
      throw error("a JSON value (object, array, string, number, true, false or null)");
    pos += word.length();
    return value;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) throw error("at most " + MAX_DEPTH + " nested arrays and objects");
  }

  private void expect(char c) {
    if (peek() != c) throw error("'" + c + "'");
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private String where(int l, int col) {
    return source + ":" + l + ":" + col;
  }

  private ValidationException error(String expected) {
    String found;
    if (pos >= text.length()) {
      found = "end of file";
    } else {
      int end = Math.min(text.length(), pos + 12);
      String s = text.substring(pos, end);
      int nl = s.indexOf('\n');
      found = nl >= 0 ? s.substring(0, nl) : s;
    }
    return new ValidationException(where(line, column()), found, "expected " + expected);
  }
}
