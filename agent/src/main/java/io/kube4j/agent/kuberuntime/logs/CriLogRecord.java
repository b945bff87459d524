package io.kube4j.agent.kuberuntime.logs;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One line of a CRI log file. {@code partial} ("P") records are pieces of a longer line (the
 * runtime splits at 16 KiB, and output without a final newline ends as P); the line goes on in
 * the next record of the same stream, up to a full ("F") one. The newline itself is not stored.
 */
public record CriLogRecord(Instant timestamp, Stream stream, boolean partial, String content) {

  /** Which pipe of the container the content came from. */
  public enum Stream {
    STDOUT, STDERR;

    static Stream parse(String s) {
      return switch (s) {
        case "stdout" -> STDOUT;
        case "stderr" -> STDERR;
        default -> throw new IllegalArgumentException("unexpected stream type \"" + s + "\"");
      };
    }
  }

  /**
   * Parses one line (without its newline). The tag field may hold more than one tag separated by
   * ':'; the first says partial or full, as in kubelet's parseCRILog.
   */
  public static CriLogRecord parse(String line) {
    int s1 = line.indexOf(' ');
    int s2 = s1 < 0 ? -1 : line.indexOf(' ', s1 + 1);
    if (s2 < 0) {
      throw new IllegalArgumentException("timestamp or stream is not found: " + line);
    }
    int s3 = line.indexOf(' ', s2 + 1);
    String tags = s3 < 0 ? line.substring(s2 + 1) : line.substring(s2 + 1, s3);
    String content = s3 < 0 ? "" : line.substring(s3 + 1);
    Instant time;
    try {
      time = Instant.parse(line.substring(0, s1));   // RFC3339Nano: trailing zeros of the fraction are dropped
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("unexpected timestamp format in: " + line, e);
    }
    String first = tags.split(":")[0];
    if (!first.equals("P") && !first.equals("F")) {
      throw new IllegalArgumentException("unexpected tag \"" + tags + "\" in: " + line);
    }
    return new CriLogRecord(time, Stream.parse(line.substring(s1 + 1, s2)), first.equals("P"), content);
  }
}
