package io.github.cloudtwin.cloudformation;

import java.util.ArrayList;
import java.util.List;

/**
 * Fn::Cidr for IPv4: {@code count} consecutive blocks of {@code cidrBits} host bits inside a block.
 */
final class Cidr {

  private Cidr() {}

  static List<String> subnets(String block, int count, int cidrBits, String where, String path) {
    String[] parts = block.split("/");
    long base;
    int prefix;
    try {
      if (parts.length != 2) throw new NumberFormatException();
      String[] octets = parts[0].split("\\.");
      if (octets.length != 4) throw new NumberFormatException();
      base = 0;
      for (String o : octets) {
        int v = Integer.parseInt(o);
        if (v < 0 || v > 255) throw new NumberFormatException();
        base = (base << 8) | v;
      }
      prefix = Integer.parseInt(parts[1]);
      if (prefix < 0 || prefix > 32) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new TemplateValidationException(
          where, path + "[0]", block, "an IPv4 CIDR block such as 10.0.0.0/16");
    }
    int newPrefix = 32 - cidrBits;
    if (cidrBits < 0 || newPrefix < prefix) {
      throw new TemplateValidationException(
          where,
          path + "[2]",
          cidrBits,
          "between 0 and " + (32 - prefix) + " for a /" + prefix + " block");
    }
    long available = 1L << (newPrefix - prefix);
    if (count < 1 || count > 256 || count > available) {
      throw new TemplateValidationException(
          where, path + "[1]", count, "between 1 and " + Math.min(256, available));
    }
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    long start = base & mask;
    long size = 1L << cidrBits;
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long a = start + i * size;
      out.add(
          ((a >> 24) & 255)
              + "."
              + ((a >> 16) & 255)
              + "."
              + ((a >> 8) & 255)
              + "."
              + (a & 255)
              + "/"
              + newPrefix);
    }
    return out;
  }
}
