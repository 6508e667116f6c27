package io.github.cloudtwin.report;

/** XML text escaping; stateless. */
final class Xml {

  private Xml() {}

  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            sb.append('?'); // not allowed in XML 1.0
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  static String num(double v) {
    double r = Math.round(v * 10.0) / 10.0;
    if (r == Math.rint(r)) return Long.toString((long) r);
    return Double.toString(r);
  }
}
