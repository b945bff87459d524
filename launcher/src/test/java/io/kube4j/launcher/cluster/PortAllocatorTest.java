package io.kube4j.launcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

  @Test
  void picksPortsBelowTheNodePortAndEphemeralRanges() {
    PortAllocator ports = new PortAllocator(new Random(1), port -> true);

    for (int i = 0; i < 1000; i++) {
      assertThat(ports.pick(Set.of())).isBetween(20000, 29999);
    }
  }

  @Test
  void skipsPortsInUseAndPortsAlreadyTaken() {
    Set<Integer> seen = new HashSet<>();
    PortAllocator ports = new PortAllocator(new Random(7), port -> {
      seen.add(port);
      return port % 2 == 0;
    });
    Set<Integer> taken = new HashSet<>();

    for (int i = 0; i < 50; i++) {
      int port = ports.pick(taken);
      assertThat(port % 2).isZero();
      assertThat(taken.add(port)).as("port %d picked twice", port).isTrue();
    }
    assertThat(seen).anyMatch(p -> p % 2 == 1);
  }

  @Test
  void failsWhenNoPortIsFree() {
    PortAllocator ports = new PortAllocator(new Random(), port -> false);

    assertThatThrownBy(() -> ports.pick(Set.of())).hasMessageContaining("no free port found");
  }

  @Test
  void seesAPortBoundByAnotherSocketAsInUse() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(0));

      assertThat(PortAllocator.isFree(socket.getLocalPort())).isFalse();
    }
  }
}
