package io.kube4j.agent.kuberuntime;

import io.fabric8.kubernetes.api.model.Quantity;
import io.kube4j.agent.cri.v1.LinuxContainerResources;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Container resources as cgroup settings, after kubelet's {@code calculateLinuxResources} and
 * {@code cm/helper_linux.go}. The CPU request becomes a relative weight (cpu.shares), the CPU
 * limit a hard cap per scheduling period (CFS quota), the memory limit a hard limit.
 */
public final class LinuxResources {

  /** Kernel bounds of cpu.shares ({@code kernel/sched/sched.h}). */
  public static final long MIN_SHARES = 2;
  public static final long MAX_SHARES = 262144;
  public static final long SHARES_PER_CPU = 1024;
  public static final long MILLI_CPU_TO_CPU = 1000;
  /** The CFS period kubelet uses, 100 ms in microseconds. */
  public static final long QUOTA_PERIOD = 100_000;
  /** The kernel's smallest CFS quota, 1 ms in microseconds. */
  public static final long MIN_QUOTA_PERIOD = 1000;

  private LinuxResources() {}

  /**
   * cpu.shares for a CPU request. Worked examples: 100m → 100 × 1024 / 1000 = 102; 250m → 256;
   * 1 → 1024; 1m → 1 → raised to the kernel's minimum 2; no request → 2 (not the kernel's 1024
   * default, which would give a best-effort container as much weight as one requesting a core).
   */
  public static long milliCpuToShares(long milliCpu) {
    if (milliCpu == 0) {
      return MIN_SHARES;
    }
    long shares = milliCpu * SHARES_PER_CPU / MILLI_CPU_TO_CPU;   // factored to round once
    return Math.max(MIN_SHARES, Math.min(MAX_SHARES, shares));
  }

  /**
   * CFS quota (µs of CPU time per {@code period} µs) for a CPU limit. Worked examples with the
   * 100 ms period: 500m → 500 × 100000 / 1000 = 50000 (half a CPU); 2 → 200000 (two CPUs);
   * 5m → 500 → raised to the 1 ms minimum, 1000; no limit → 0, meaning unlimited.
   */
  public static long milliCpuToQuota(long milliCpu, long period) {
    if (milliCpu == 0) {
      return 0;
    }
    return Math.max(MIN_QUOTA_PERIOD, milliCpu * period / MILLI_CPU_TO_CPU);
  }

  /**
   * The container's resources: shares from the request (or from the limit when only a limit is set:
   * the apiserver defaults the request to the limit, kubelet repeats it for older pods), quota and
   * period from the limit when {@code cpuCfsQuota}, memory limit and, on cgroup v1 without swap for
   * pods, the memory+swap limit equal to it.
   */
  public static LinuxContainerResources calculate(Map<String, Quantity> requests, Map<String, Quantity> limits,
      boolean cpuCfsQuota, long cpuCfsQuotaPeriod) {
    Quantity cpuRequest = requests == null ? null : requests.get("cpu");
    Quantity cpuLimit = limits == null ? null : limits.get("cpu");
    Quantity memoryLimit = limits == null ? null : limits.get("memory");
    LinuxContainerResources.Builder r = LinuxContainerResources.newBuilder();
    r.setCpuShares(milliCpuToShares(cpuRequest == null && cpuLimit != null ? milliValue(cpuLimit) : milliValue(cpuRequest)));
    long memory = value(memoryLimit);
    if (memory != 0) {
      r.setMemoryLimitInBytes(memory);
      r.setMemorySwapLimitInBytes(memory);
    }
    if (cpuCfsQuota) {
      r.setCpuQuota(milliCpuToQuota(milliValue(cpuLimit), cpuCfsQuotaPeriod));
      r.setCpuPeriod(cpuCfsQuotaPeriod);
    }
    return r.build();
  }

  /** Kubernetes' {@code Quantity.MilliValue()}: thousandths, rounded up ("0.1m" → 1). Null is 0. */
  public static long milliValue(Quantity q) {
    if (q == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(q).movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Kubernetes' {@code Quantity.Value()}: whole units, rounded up ("1Mi" → 1048576, "1.5" → 2). Null is 0. */
  public static long value(Quantity q) {
    if (q == null) {
      return 0;
    }
    BigDecimal amount = Quantity.getAmountInBytes(q);
    return amount.setScale(0, RoundingMode.CEILING).longValueExact();
  }
}
