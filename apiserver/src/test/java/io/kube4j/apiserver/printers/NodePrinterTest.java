package io.kube4j.apiserver.printers;

import static io.kube4j.apiserver.printers.Fixtures.NOW;
import static io.kube4j.apiserver.printers.Fixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NodePrinterTest {

  private final NodePrinter printer = new NodePrinter();

  record Case(String name, Node node, String status, String roles) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static NodeBuilder node() {
    return new NodeBuilder().withNewMetadata().withName("node-1").withCreationTimestamp(ago(Duration.ofDays(3)))
        .endMetadata().withNewSpec().endSpec()
        .withNewStatus().withNewNodeInfo().withKubeletVersion("v1.32.4").endNodeInfo().endStatus();
  }

  private static NodeBuilder ready(String status) {
    return node().editStatus().addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
        .addNewCondition().withType("Ready").withStatus(status).endCondition().endStatus();
  }

  static Stream<Case> statusAndRoles() {
    return Stream.of(
        new Case("ready worker without roles", ready("True").build(), "Ready", "<none>"),
        new Case("not ready", ready("False").build(), "NotReady", "<none>"),
        new Case("ready condition unknown is NotReady", ready("Unknown").build(), "NotReady", "<none>"),
        new Case("no ready condition yet", node().build(), "Unknown", "<none>"),
        new Case("cordoned", ready("True").editSpec().withUnschedulable(true).endSpec().build(),
            "Ready,SchedulingDisabled", "<none>"),
        new Case("control plane role from the node-role label",
            ready("True").editMetadata().addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata().build(),
            "Ready", "control-plane"),
        new Case("roles are sorted and merged with the kubernetes.io/role label",
            ready("True").editMetadata().addToLabels("node-role.kubernetes.io/worker", "")
                .addToLabels("node-role.kubernetes.io/", "").addToLabels("kubernetes.io/role", "ingress")
                .addToLabels("node-role.kubernetes.io/control-plane", "").endMetadata().build(),
            "Ready", "control-plane,ingress,worker"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void statusAndRoles(Case c) {
    assertThat(printer.cells(c.node(), NOW).subList(0, 5)).containsExactly("node-1", c.status(), c.roles(), "3d",
        "v1.32.4");
  }

  @Test
  void wideColumnsShowAddressesAndSystemInfo() {
    Node node = ready("True").editStatus()
        .addNewAddress().withType("Hostname").withAddress("node-1").endAddress()
        .addNewAddress().withType("InternalIP").withAddress("192.168.1.10").endAddress()
        .addNewAddress().withType("InternalIP").withAddress("192.168.1.11").endAddress()
        .editNodeInfo().withOsImage("Debian GNU/Linux 12 (bookworm)").withKernelVersion("6.1.0-18-amd64")
        .withContainerRuntimeVersion("containerd://1.6.20").endNodeInfo()
        .endStatus().build();

    assertThat(printer.cells(node, NOW).subList(5, 10)).containsExactly("192.168.1.10", "<none>",
        "Debian GNU/Linux 12 (bookworm)", "6.1.0-18-amd64", "containerd://1.6.20");
  }

  @Test
  void missingSystemInfoIsUnknown() {
    assertThat(printer.cells(node().build(), NOW).subList(7, 10)).containsOnly("<unknown>");
  }
}
