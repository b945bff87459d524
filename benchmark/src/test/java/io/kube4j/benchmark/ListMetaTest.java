package io.kube4j.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ListMetaTest {

  @Test
  void readsResourceVersionContinueAndItemCountSkippingTheItems() {
    String body = """
        {"kind":"PodList","apiVersion":"v1",
         "metadata":{"resourceVersion":"4711","continue":"eyJydiI6NDcxMX0","remainingItemCount":3,"x":{"y":[1]}},
         "items":[{"metadata":{"name":"a","resourceVersion":"1"}},{"metadata":{"name":"b"},"spec":{"c":[{}]}}]}
        """;

    ListMeta meta = ListMeta.read(body.getBytes(StandardCharsets.UTF_8));

    assertThat(meta).isEqualTo(new ListMeta("4711", "eyJydiI6NDcxMX0", 2));
  }

  @Test
  void aLastPageHasNoContinueToken() {
    String body = "{\"items\":[],\"metadata\":{\"resourceVersion\":\"9\"}}";

    ListMeta meta = ListMeta.read(body.getBytes(StandardCharsets.UTF_8));

    assertThat(meta).isEqualTo(new ListMeta("9", "", 0));
  }
}
