package io.kube4j.scheduler.plugins.podtopologyspread;

import io.kube4j.scheduler.framework.CycleState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What PreFilter counts for Filter (upstream's {@code preFilterState}): per hard constraint, the
 * number of matching pods in each topology domain ({@code tpValueToMatchNum}) and the two domains
 * with the fewest ({@link CriticalPaths}), so Filter finds the global minimum without scanning.
 * Preemption mutates a {@link #copy()} through {@link #update} under the monitor.
 */
final class PreFilterState implements CycleState.StateData {

  final List<TopologySpreadConstraint> constraints;
  final List<CriticalPaths> criticalPaths;
  final List<Map<String, Integer>> tpValueToMatchNum;

  PreFilterState(List<TopologySpreadConstraint> constraints) {
    this.constraints = List.copyOf(constraints);
    this.criticalPaths = new ArrayList<>();
    this.tpValueToMatchNum = new ArrayList<>();
    for (int i = 0; i < constraints.size(); i++) {
      criticalPaths.add(new CriticalPaths());
      tpValueToMatchNum.add(new HashMap<>());
    }
  }

  /**
   * The global minimum for the skew: the fewest matching pods in any eligible domain, or 0 when
   * there are fewer eligible domains than {@code minDomains} (so the missing domains count as empty).
   */
  synchronized int minMatchNum(int constraint) {
    int min = criticalPaths.get(constraint).first().matchNum();
    return tpValueToMatchNum.get(constraint).size() < constraints.get(constraint).minDomains() ? 0 : min;
  }

  synchronized int matchNum(int constraint, String tpValue) {
    return tpValueToMatchNum.get(constraint).getOrDefault(tpValue, 0);
  }

  /** Adds {@code delta} matching pods to the domain and keeps the critical paths right. */
  synchronized void update(int constraint, String tpValue, int delta) {
    int n = tpValueToMatchNum.get(constraint).merge(tpValue, delta, Integer::sum);
    criticalPaths.get(constraint).update(tpValue, n);
  }

  /** Builds the critical paths once the counts are in. */
  void computeCriticalPaths() {
    for (int i = 0; i < constraints.size(); i++) {
      CriticalPaths p = new CriticalPaths();
      tpValueToMatchNum.get(i).forEach(p::update);
      criticalPaths.set(i, p);
    }
  }

  @Override
  public synchronized PreFilterState copy() {
    PreFilterState c = new PreFilterState(constraints);
    for (int i = 0; i < constraints.size(); i++) {
      c.tpValueToMatchNum.get(i).putAll(tpValueToMatchNum.get(i));
      c.criticalPaths.set(i, criticalPaths.get(i).copy());
    }
    return c;
  }

  /** A domain and its count of matching pods. */
  record Path(String topologyValue, int matchNum) {}

  /**
   * The two domains with the fewest matching pods: {@code paths[0]} always holds the minimum;
   * {@code paths[1]} is at least as large but not necessarily the second smallest. Two suffice because
   * preemption only ever removes pods from one node, i.e. changes one domain, at a time.
   * Worked example: counts {a: 3, b: 1, c: 2} inserted in that order give [a3, -] → [b1, a3] → [b1, c2].
   */
  static final class CriticalPaths {
    private final Path[] paths = {new Path("", Integer.MAX_VALUE), new Path("", Integer.MAX_VALUE)};

    Path first() {
      return paths[0];
    }

    void update(String tpValue, int num) {
      int i = tpValue.equals(paths[0].topologyValue()) ? 0 : tpValue.equals(paths[1].topologyValue()) ? 1 : -1;
      if (i >= 0) {
        paths[i] = new Path(tpValue, num);
        if (paths[0].matchNum() > paths[1].matchNum()) {
          Path t = paths[0];
          paths[0] = paths[1];
          paths[1] = t;
        }
      } else if (num < paths[0].matchNum()) {
        paths[1] = paths[0];
        paths[0] = new Path(tpValue, num);
      } else if (num < paths[1].matchNum()) {
        paths[1] = new Path(tpValue, num);
      }
    }

    CriticalPaths copy() {
      CriticalPaths c = new CriticalPaths();
      c.paths[0] = paths[0];
      c.paths[1] = paths[1];
      return c;
    }
  }
}
