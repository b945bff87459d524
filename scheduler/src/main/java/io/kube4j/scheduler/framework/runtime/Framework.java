package io.kube4j.scheduler.framework.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.BindPlugin;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PermitPlugin;
import io.kube4j.scheduler.framework.Plugin;
import io.kube4j.scheduler.framework.PostFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterExtensions;
import io.kube4j.scheduler.framework.PreFilterPlugin;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ReservePlugin;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A profile's plugins, sorted into extension points, and the code that runs each point. Each plugin
 * is instantiated once and appears at every point it implements, in the profile's order.
 */
public final class Framework implements Handle.FilterRunner {

  private final Profile profile;
  private final List<PreFilterPlugin> preFilter = new ArrayList<>();
  private final List<FilterPlugin> filter = new ArrayList<>();
  private final List<PostFilterPlugin> postFilter = new ArrayList<>();
  private final List<PreScorePlugin> preScore = new ArrayList<>();
  private final List<ScorePlugin> score = new ArrayList<>();
  private final List<ReservePlugin> reserve = new ArrayList<>();
  private final List<PermitPlugin> permit = new ArrayList<>();
  private final List<BindPlugin> bind = new ArrayList<>();

  private final List<PreFilterPlugin> preFilterWithExtensions = new ArrayList<>();

  public Framework(Profile profile, Registry registry, Handle handle) {
    this.profile = profile;
    Handle withFilters = new FrameworkHandle(handle, this);
    for (String name : profile.plugins()) {
      Plugin p = registry.get(name).orElseThrow(() -> new IllegalArgumentException(name + " does not exist"))
          .create(withFilters);
      if (p instanceof PreFilterPlugin x) {
        preFilter.add(x);
        if (p instanceof PreFilterExtensions) {
          preFilterWithExtensions.add(x);
        }
      }
      if (p instanceof FilterPlugin x) {
        filter.add(x);
      }
      if (p instanceof PostFilterPlugin x) {
        postFilter.add(x);
      }
      if (p instanceof PreScorePlugin x) {
        preScore.add(x);
      }
      if (p instanceof ScorePlugin x) {
        score.add(x);
      }
      if (p instanceof ReservePlugin x) {
        reserve.add(x);
      }
      if (p instanceof PermitPlugin x) {
        permit.add(x);
      }
      if (p instanceof BindPlugin x) {
        bind.add(x);
      }
    }
    if (bind.isEmpty()) {
      throw new IllegalArgumentException("at least one bind plugin is needed for profile " + profile.schedulerName());
    }
  }

  public Profile profile() {
    return profile;
  }

  public boolean hasScorePlugins() {
    return !score.isEmpty();
  }

  public boolean hasPostFilterPlugins() {
    return !postFilter.isEmpty();
  }

  /**
   * Runs every PreFilter; the first non-success stops the cycle. The node sets PreFilters narrow to
   * are intersected (upstream's {@code PreFilterResult.Merge}).
   */
  public PreFilterResult runPreFilterPlugins(CycleState state, Pod pod) {
    Optional<Set<String>> nodes = Optional.empty();
    for (PreFilterPlugin p : preFilter) {
      PreFilterResult r = p.preFilter(state, pod);
      if (r.status().code() == Code.SKIP) {
        state.skipFilter(p.name());   // nothing to check for this pod: its Filter is not run
        continue;
      }
      if (!r.status().isSuccess()) {
        return PreFilterResult.of(r.status().withPlugin(p.name()));
      }
      if (r.nodeNames().isPresent()) {
        Set<String> merged = new HashSet<>(r.nodeNames().get());
        nodes.ifPresent(merged::retainAll);
        nodes = Optional.of(merged);
      }
    }
    return new PreFilterResult(Status.success(), nodes);
  }

  /** The filters in order for one node; the first rejection is the node's status. */
  @Override
  public Status runFilterPlugins(CycleState state, Pod pod, NodeInfo node) {
    for (FilterPlugin p : filter) {
      if (state.isFilterSkipped(p.name())) {
        continue;
      }
      Status s = p.filter(state, pod, node);
      if (!s.isSuccess()) {
        return s.withPlugin(p.name());
      }
    }
    return Status.success();
  }

  /** Tells each PreFilter with extensions that {@code podToAdd} is now on {@code node} (preemption's reprieve). */
  @Override
  public Status runPreFilterExtensionAddPod(CycleState state, Pod podToSchedule, Pod podToAdd, NodeInfo node) {
    for (PreFilterPlugin p : preFilterWithExtensions) {
      if (state.isFilterSkipped(p.name())) {
        continue;
      }
      Status s = ((PreFilterExtensions) p).addPod(state, podToSchedule, podToAdd, node);
      if (!s.isSuccess()) {
        return s.withPlugin(p.name());
      }
    }
    return Status.success();
  }

  /** Tells each PreFilter with extensions that {@code podToRemove} left {@code node} (preemption's victim). */
  @Override
  public Status runPreFilterExtensionRemovePod(CycleState state, Pod podToSchedule, Pod podToRemove, NodeInfo node) {
    for (PreFilterPlugin p : preFilterWithExtensions) {
      if (state.isFilterSkipped(p.name())) {
        continue;
      }
      Status s = ((PreFilterExtensions) p).removePod(state, podToSchedule, podToRemove, node);
      if (!s.isSuccess()) {
        return s.withPlugin(p.name());
      }
    }
    return Status.success();
  }

  public PostFilterPlugin.Result runPostFilterPlugins(CycleState state, Pod pod, Map<String, Status> filtered) {
    List<String> reasons = new ArrayList<>();
    Optional<String> nominated = Optional.empty();
    for (PostFilterPlugin p : postFilter) {
      PostFilterPlugin.Result r = p.postFilter(state, pod, filtered);
      if (r.status().isSuccess()) {
        return r;
      }
      if (r.nominatedNodeName().isPresent()) {
        nominated = r.nominatedNodeName();   // e.g. "" to clear an earlier nomination
      }
      reasons.addAll(r.status().reasons());
    }
    return new PostFilterPlugin.Result(nominated, new Status(Code.UNSCHEDULABLE, reasons, ""));
  }

  /** @return the score plugins PreScore did not ask to skip */
  public List<ScorePlugin> runPreScorePlugins(CycleState state, Pod pod, List<NodeInfo> nodes) {
    Set<String> skipped = new HashSet<>();
    for (PreScorePlugin p : preScore) {
      Status s = p.preScore(state, pod, nodes);
      if (s.code() == Code.SKIP) {
        skipped.add(p.name());
      } else if (!s.isSuccess()) {
        throw new IllegalStateException("running PreScore plugin " + p.name() + ": " + s.message());
      }
    }
    return score.stream().filter(p -> !skipped.contains(p.name())).toList();
  }

  /**
   * Scores every node with every plugin, normalises each plugin's scores, multiplies by its weight
   * and sums per node. Worked example, TaintToleration weight 3 and NodeResourcesFit weight 1: a node
   * with normalised scores 100 and 50 totals {@code 3 * 100 + 1 * 50 = 350}.
   *
   * @return per plugin, the weighted scores in node order; the caller sums them
   */
  public Map<String, List<NodeScore>> runScorePlugins(CycleState state, Pod pod, List<NodeInfo> nodes,
      List<ScorePlugin> plugins) {
    Map<String, List<NodeScore>> out = new HashMap<>();
    for (ScorePlugin p : plugins) {
      List<NodeScore> raw = nodes.parallelStream().map(n -> new NodeScore(n.name(), p.score(state, pod, n))).toList();
      List<NodeScore> normalized = p.scoreExtensions().map(e -> e.normalizeScore(state, pod, raw)).orElse(raw);
      int weight = profile.weight(p.name());
      List<NodeScore> weighted = new ArrayList<>(normalized.size());
      for (NodeScore s : normalized) {
        if (s.score() < NodeScore.MIN_NODE_SCORE || s.score() > NodeScore.MAX_NODE_SCORE) {
          throw new IllegalStateException("plugin " + p.name() + " returns an invalid score " + s.score()
              + ", it should in the range of [0, 100] after normalizing");
        }
        weighted.add(new NodeScore(s.name(), s.score() * weight));
      }
      out.put(p.name(), weighted);
    }
    return out;
  }

  public Status runReservePluginsReserve(CycleState state, Pod pod, String nodeName) {
    for (ReservePlugin p : reserve) {
      Status s = p.reserve(state, pod, nodeName);
      if (!s.isSuccess()) {
        return s.withPlugin(p.name());
      }
    }
    return Status.success();
  }

  /** Undoes Reserve in reverse order, as upstream. */
  public void runReservePluginsUnreserve(CycleState state, Pod pod, String nodeName) {
    for (int i = reserve.size() - 1; i >= 0; i--) {
      reserve.get(i).unreserve(state, pod, nodeName);
    }
  }

  /** Permit; waiting is not supported yet, so a WAIT is reported as an error. */
  public Status runPermitPlugins(CycleState state, Pod pod, String nodeName) {
    for (PermitPlugin p : permit) {
      PermitPlugin.Result r = p.permit(state, pod, nodeName);
      if (r.status().code() == Code.WAIT) {
        return Status.error("plugin " + p.name() + " asked to wait; waiting pods are not supported yet")
            .withPlugin(p.name());
      }
      if (!r.status().isSuccess()) {
        return r.status().withPlugin(p.name());
      }
    }
    return Status.success();
  }

  /** The bind plugins in order until one does not skip. */
  public Status runBindPlugins(CycleState state, Pod pod, String nodeName) {
    for (BindPlugin p : bind) {
      Status s = p.bind(state, pod, nodeName);
      if (s.code() != Code.SKIP) {
        return s.withPlugin(p.name());
      }
    }
    return Status.error("all bind plugins skipped");
  }
}
