package io.kube4j.agent.kuberuntime.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogsTest {

  /** As containerd wrote it in the recipe's run: stderr first, a tab and UTF-8 raw, a line without newline at exit. */
  private static final String LOG = String.join("\n",
      "2026-11-22T20:31:06.490309421Z stderr F to-stderr",
      "2026-11-22T20:31:06.490394207Z stdout F hello",
      "not a cri log line",
      "2026-11-22T20:31:07.80242919Z stdout P part one, ",
      "2026-11-22T20:31:07.90242919Z stdout F part two",
      "2026-11-22T20:31:08Z stdout F a\tb é",
      "2026-11-22T20:31:09.1Z stdout P no-newline-at-exit") + "\n";

  @TempDir Path dir;

  private Path file() throws Exception {
    return Files.writeString(dir.resolve("0.log"), LOG);
  }

  @Test
  void parsesRecordsWithTrimmedNanoseconds() {
    CriLogRecord r = CriLogRecord.parse("2026-11-22T20:31:07.80242919Z stdout P part one, ");

    assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-11-22T20:31:07.802429190Z"));
    assertThat(r.stream()).isEqualTo(CriLogRecord.Stream.STDOUT);
    assertThat(r.partial()).isTrue();
    assertThat(r.content()).isEqualTo("part one, ");
    assertThat(CriLogRecord.parse("2026-11-22T20:31:08Z stderr F:x ").content()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotACriLogLine() {
    assertThatThrownBy(() -> CriLogRecord.parse("hello")).hasMessageContaining("not found");
    assertThatThrownBy(() -> CriLogRecord.parse("yesterday stdout F x")).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> CriLogRecord.parse("2026-11-22T20:31:08Z stdin F x")).hasMessageContaining("stream");
    assertThatThrownBy(() -> CriLogRecord.parse("2026-11-22T20:31:08Z stdout X x")).hasMessageContaining("tag");
  }

  @Test
  void joinsPartialRecordsAndSkipsGarbage() throws Exception {
    assertThat(ContainerLogs.read(file(), ContainerLogs.Options.ALL))
        .isEqualTo("to-stderr\nhello\npart one, part two\na\tb é\nno-newline-at-exit");
  }

  @Test
  void tailSinceTimestampsAndLimitBytes() throws Exception {
    assertThat(ContainerLogs.read(file(), new ContainerLogs.Options(2, -1, null, false)))
        .isEqualTo("a\tb é\nno-newline-at-exit");
    assertThat(ContainerLogs.read(file(), new ContainerLogs.Options(-1, -1, Instant.parse("2026-11-22T20:31:08Z"), true)))
        .isEqualTo("2026-11-22T20:31:08Z a\tb é\n2026-11-22T20:31:09.1Z no-newline-at-exit");
    assertThat(ContainerLogs.read(file(), new ContainerLogs.Options(-1, 12, null, false))).isEqualTo("to-stderr\nhe");
  }
}
