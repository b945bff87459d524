package io.kube4j.componentbase.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {

  @Test
  void readsWhatKubernetesFlagsAccept() {
    assertThat(GoDuration.parse("40s")).isEqualTo(Duration.ofSeconds(40));
    assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("8760h")).isEqualTo(Duration.ofDays(365));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(GoDuration.parse("2us")).isEqualTo(Duration.ofNanos(2000));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
  }

  @Test
  void refusesWhatGoRefusesWithGosMessage() {
    assertThatThrownBy(() -> GoDuration.parse("40")).hasMessage("time: missing unit in duration \"40\"");
    assertThatThrownBy(() -> GoDuration.parse("forty")).hasMessage("time: invalid duration \"forty\"");
    assertThatThrownBy(() -> GoDuration.parse("")).hasMessage("time: invalid duration \"\"");
    assertThatThrownBy(() -> GoDuration.parse("5d")).hasMessage("time: unknown unit \"d\" in duration \"5d\"");
  }
}
