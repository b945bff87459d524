package io.kube4j.agent.kuberuntime.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kubectl logs} shows from a CRI log file (without follow): every record's content, a
 * newline after each full record, optionally prefixed with its timestamp, from {@code sinceTime}
 * on, only the last {@code tailLines} records, at most {@code limitBytes}. Unparseable lines are
 * skipped, as kubelet does.
 */
public final class ContainerLogs {

  /**
   * kubelet's LogOptions. {@code tailLines} negative: all; {@code limitBytes} negative: no limit;
   * {@code since} null: from the start.
   */
  public record Options(long tailLines, long limitBytes, Instant since, boolean timestamps) {
    public static final Options ALL = new Options(-1, -1, null, false);
  }

  private ContainerLogs() {}

  /** Go's time.RFC3339Nano in UTC, as kubelet prints: trailing zeros of the fraction dropped (".1Z", not ".100Z"). */
  static String rfc3339Nano(Instant t) {
    String seconds = DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    if (t.getNano() == 0) {
      return seconds;
    }
    String fraction = String.format("%09d", t.getNano()).replaceFirst("0+$", "");
    return seconds.substring(0, seconds.length() - 1) + "." + fraction + "Z";
  }

  public static String read(Path file, Options options) throws IOException {
    List<CriLogRecord> records = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      try {
        CriLogRecord record = CriLogRecord.parse(line);
        if (options.since() == null || !record.timestamp().isBefore(options.since())) {
          records.add(record);
        }
      } catch (IllegalArgumentException e) {
        // kubelet logs "failed when parsing line in log file" and goes on
      }
    }
    if (options.tailLines() >= 0 && records.size() > options.tailLines()) {
      records = records.subList(records.size() - (int) options.tailLines(), records.size());
    }
    StringBuilder out = new StringBuilder();
    for (CriLogRecord r : records) {
      if (options.timestamps()) {
        out.append(rfc3339Nano(r.timestamp())).append(' ');
      }
      out.append(r.content());
      if (!r.partial()) {
        out.append('\n');
      }
    }
    if (options.limitBytes() >= 0) {
      byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
      if (bytes.length > options.limitBytes()) {
        return new String(bytes, 0, (int) options.limitBytes(), StandardCharsets.UTF_8);
      }
    }
    return out.toString();
  }
}
