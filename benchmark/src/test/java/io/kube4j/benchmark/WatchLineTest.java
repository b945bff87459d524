package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WatchLineTest {

  @Test
  void readsTheSendTimeOfAnAddedConfigMap() {
    String line = "{\"type\":\"ADDED\",\"object\":{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-1\"},"
        + "\"data\":{\"t\":\"987654321012\",\"v\":\"xxxx\"}}}";

    assertThat(WatchLine.isAdded(line)).isTrue();
    assertThat(WatchLine.sentNanos(line)).isEqualTo(OptionalLong.of(987654321012L));
  }

  @Test
  void aBookmarkIsNotAnAddedEventAndCarriesNoSendTime() {
    String line = "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"ConfigMap\","
        + "\"metadata\":{\"resourceVersion\":\"12\"}}}";

    assertThat(WatchLine.isAdded(line)).isFalse();
    assertThat(WatchLine.sentNanos(line)).isEmpty();
  }

  @Test
  void aSendTimeThatIsNotANumberIsIgnored() {
    assertThat(WatchLine.sentNanos("{\"data\":{\"t\":\"soon\"}}")).isEmpty();
    assertThat(WatchLine.sentNanos("{\"data\":{\"t\":\"12")).isEmpty();
  }
}
