package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.agent.cri.v1.LinuxContainerResources;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LinuxResourcesTest {

  record Case(String name, long milliCpu, long expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> shares() {
    return Stream.of(
        new Case("no request gets the kernel minimum, not its default 1024", 0, 2),
        new Case("1m rounds down to 1, raised to the minimum 2", 1, 2),
        new Case("100m is a tenth of 1024, rounded down", 100, 102),
        new Case("250m", 250, 256),
        new Case("one core is 1024", 1000, 1024),
        new Case("2.5 cores", 2500, 2560),
        new Case("300 cores hit the kernel maximum", 300_000, 262_144));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shares")
  void cpuRequestBecomesShares(Case c) {
    assertThat(LinuxResources.milliCpuToShares(c.milliCpu())).isEqualTo(c.expected());
  }

  static Stream<Case> quotas() {
    return Stream.of(
        new Case("no limit is no quota", 0, 0),
        new Case("5m would be 500us, raised to the 1ms minimum", 5, 1000),
        new Case("10m is exactly the minimum", 10, 1000),
        new Case("500m is half of each 100ms period", 500, 50_000),
        new Case("two cores are 200ms per 100ms period", 2000, 200_000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotas")
  void cpuLimitBecomesQuota(Case c) {
    assertThat(LinuxResources.milliCpuToQuota(c.milliCpu(), 100_000)).isEqualTo(c.expected());
  }

  @Test
  void requestAndLimitGiveSharesQuotaPeriodAndMemory() {
    LinuxContainerResources r = LinuxResources.calculate(Map.of("cpu", new Quantity("250m")),
        Map.of("cpu", new Quantity("500m"), "memory", new Quantity("64Mi")), true, 100_000);

    assertThat(r.getCpuShares()).isEqualTo(256);
    assertThat(r.getCpuQuota()).isEqualTo(50_000);
    assertThat(r.getCpuPeriod()).isEqualTo(100_000);
    assertThat(r.getMemoryLimitInBytes()).isEqualTo(64L << 20);
    assertThat(r.getMemorySwapLimitInBytes()).as("no swap beyond the limit").isEqualTo(64L << 20);
  }

  @Test
  void aLimitAloneAlsoSetsTheShares() {
    LinuxContainerResources r = LinuxResources.calculate(Map.of(), Map.of("cpu", new Quantity("1")), true, 100_000);

    assertThat(r.getCpuShares()).isEqualTo(1024);
    assertThat(r.getCpuQuota()).isEqualTo(100_000);
  }

  @Test
  void nothingSetIsMinimumSharesNoQuotaNoMemoryLimit() {
    LinuxContainerResources r = LinuxResources.calculate(null, null, true, 100_000);

    assertThat(r.getCpuShares()).isEqualTo(2);
    assertThat(r.getCpuQuota()).isZero();
    assertThat(r.getCpuPeriod()).isEqualTo(100_000);
    assertThat(r.getMemoryLimitInBytes()).isZero();
  }

  @Test
  void withoutCfsQuotaNoQuotaOrPeriodIsSent() {
    LinuxContainerResources r = LinuxResources.calculate(null, Map.of("cpu", new Quantity("1")), false, 100_000);

    assertThat(r.getCpuQuota()).isZero();
    assertThat(r.getCpuPeriod()).isZero();
  }

  @Test
  void quantitiesRoundUpAsKubernetesDoes() {
    assertThat(LinuxResources.milliValue(new Quantity("0.1m"))).isEqualTo(1);
    assertThat(LinuxResources.milliValue(new Quantity("1.5"))).isEqualTo(1500);
    assertThat(LinuxResources.value(new Quantity("1.5"))).isEqualTo(2);
    assertThat(LinuxResources.value(new Quantity("1Gi"))).isEqualTo(1L << 30);
    assertThat(LinuxResources.value(new Quantity("1G"))).isEqualTo(1_000_000_000L);
  }
}
