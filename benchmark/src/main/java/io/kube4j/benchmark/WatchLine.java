package io.kube4j.benchmark;

import java.util.OptionalLong;

/**
 * Reads the two things the fan-out phase needs from one watch event line,
 * {@code {"type":"ADDED","object":{...,"data":{"t":"123",...}}}}, by searching the text: parsing
 * 100 copies of every event would make the client, not the server, the bottleneck.
 */
final class WatchLine {

  private static final String SENT = "\"t\":\"";

  private WatchLine() {}

  static boolean isAdded(String line) {
    return line.contains("\"type\":\"ADDED\"");
  }

  /** The nanoTime the object was sent at ({@link Manifests#timedConfigMap}), if the line carries one. */
  static OptionalLong sentNanos(String line) {
    int start = line.indexOf(SENT);
    if (start < 0) {
      return OptionalLong.empty();
    }
    start += SENT.length();
    int end = line.indexOf('"', start);
    if (end < 0) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(line, start, end, 10));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
