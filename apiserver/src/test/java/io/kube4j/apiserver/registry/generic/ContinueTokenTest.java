package io.kube4j.apiserver.registry.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.api.StatusException;
import org.junit.jupiter.api.Test;

class ContinueTokenTest {

  @Test
  void roundTripsRevisionAndStartKey() {
    ContinueToken t = new ContinueToken(42, "ns/p2\0");
    assertThat(ContinueToken.decode(t.encode())).isEqualTo(t);
  }

  @Test
  void encodesAsUpstreamDoes() {
    // base64url of {"v":"meta.k8s.io/v1","rv":7,"start":"a"} without padding
    assertThat(new ContinueToken(7, "a").encode()).isEqualTo("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6Nywic3RhcnQiOiJhIn0");
  }

  @Test
  void rejectsGarbageAndPathEscapes() {
    assertThatThrownBy(() -> ContinueToken.decode("not-a-token")).isInstanceOf(StatusException.class);
    assertThatThrownBy(() -> ContinueToken.decode(new ContinueToken(3, "../secrets/x").encode()))
        .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(400));
  }
}
