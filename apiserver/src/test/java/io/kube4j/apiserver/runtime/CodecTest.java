package io.kube4j.apiserver.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CodecTest {

  private final Codec codec = new Codec();

  @Test
  void microTimesBindAndEncodeAsGoWritesThem() {
    // what client-go's and Fabric8's leader election send: RFC 3339 with microseconds
    String json = "{\"apiVersion\":\"coordination.k8s.io/v1\",\"kind\":\"Lease\",\"metadata\":{\"name\":\"l\"},"
        + "\"spec\":{\"holderIdentity\":\"a\",\"acquireTime\":\"2026-12-06T03:04:05.123456Z\","
        + "\"renewTime\":\"2026-12-06T03:04:06.000001Z\"}}";

    Lease lease = codec.bind(codec.parseJson(json.getBytes(StandardCharsets.UTF_8)), Lease.class);

    assertThat(lease.getSpec().getAcquireTime())
        .isEqualTo(ZonedDateTime.of(2026, 12, 6, 3, 4, 5, 123_456_000, ZoneOffset.UTC));
    assertThat(new String(codec.encode(lease), StandardCharsets.UTF_8))
        .contains("\"acquireTime\":\"2026-12-06T03:04:05.123456Z\"")
        .contains("\"renewTime\":\"2026-12-06T03:04:06.000001Z\"");
  }
}
