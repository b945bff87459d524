package io.kube4j.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: the first column left-aligned (names), the others right-aligned (figures),
 * each as wide as its widest cell, a dashed rule under the header.
 */
final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; numbers are formatted by {@link #number(double)}, anything else with toString. */
  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + Arrays.toString(cells));
    }
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(c instanceof Double || c instanceof Float ? number(((Number) c).doubleValue())
          : c instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : String.valueOf(c));
    }
    rows.add(row);
    return this;
  }

  String render() {
    int[] width = new int[headers.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = headers.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, headers, width);
    int total = Arrays.stream(width).sum() + 2 * (width.length - 1);
    out.append("-".repeat(total)).append('\n');
    rows.forEach(r -> line(out, r, width));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(i == 0 ? c + pad : "  " + pad + c);
    }
    out.append(l.toString().stripTrailing()).append('\n');
  }

  /**
   * Three significant figures or whole numbers, whichever is shorter to read: 0.412, 3.71, 41.2,
   * 4,012; "-" for NaN (nothing measured).
   */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1 || a == 0) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
