package io.kube4j.scheduler.plugins.imagelocality;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Handle;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.NodeScore;
import io.kube4j.scheduler.framework.PreScorePlugin;
import io.kube4j.scheduler.framework.ScorePlugin;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a node by the total size of the pod's images it already has, each scaled by the fraction of
 * nodes that have it ({@code size * numNodes / totalNodes}), then mapped linearly from
 * [23 MiB, 1000 MiB * containers] to [0, 100].
 */
public final class ImageLocality implements PreScorePlugin, ScorePlugin {

  public static final String NAME = "ImageLocality";
  static final String PRE_SCORE_STATE_KEY = "PreScore" + NAME;
  static final long MB = 1024 * 1024;
  /** Below this the image is small enough that pulling it hardly matters (upstream's {@code minThreshold}). */
  static final long MIN_THRESHOLD = 23 * MB;
  /** Per container, beyond this a larger image earns nothing more ({@code maxContainerThreshold}). */
  static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

  private final Handle handle;

  public ImageLocality(Handle handle) {
    this.handle = handle;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * How many nodes hold each of the pod's images (upstream keeps this per image in its cache's
   * {@code imageStates}; only the pod's images matter here).
   */
  @Override
  public Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes) {
    List<String> images = new ArrayList<>();
    containers(pod).forEach(c -> images.add(normalizedImageName(c.getImage())));
    Map<String, Integer> numNodes = new HashMap<>();
    List<NodeInfo> all = handle.snapshotNodes();
    for (NodeInfo n : all) {
      Set<String> onNode = new HashSet<>();
      for (ContainerImage image : nodeImages(n)) {
        if (image.getNames() != null) {
          onNode.addAll(image.getNames());
        }
      }
      images.stream().distinct().filter(onNode::contains).forEach(i -> numNodes.merge(i, 1, Integer::sum));
    }
    state.write(PRE_SCORE_STATE_KEY, new PreScoreState(images, numNodes, all.size()));
    return Status.success();
  }

  record PreScoreState(List<String> images, Map<String, Integer> numNodes, int totalNumNodes) {}

  /**
   * Worked example: one container whose 500 MiB image is on 2 of 4 nodes: a node holding it sums
   * {@code 500 * 2/4 = 250 MiB}, scoring {@code 100 * (250 - 23) / (1000 - 23) = 23}; a node without
   * it scores 0.
   */
  @Override
  public long score(CycleState state, Pod pod, NodeInfo node) {
    PreScoreState s = state.require(PRE_SCORE_STATE_KEY, PreScoreState.class);
    Map<String, Long> sizes = new HashMap<>();
    for (ContainerImage image : nodeImages(node)) {
      if (image.getNames() != null && image.getSizeBytes() != null) {
        image.getNames().forEach(n -> sizes.put(n, image.getSizeBytes()));
      }
    }
    long sum = 0;
    for (String image : s.images()) {
      Long size = sizes.get(image);
      if (size != null) {
        double spread = (double) s.numNodes().getOrDefault(image, 0) / s.totalNumNodes();
        sum += (long) (size * spread);
      }
    }
    return calculatePriority(sum, s.images().size());
  }

  static long calculatePriority(long sumScores, int numContainers) {
    long maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
    long clamped = Math.max(MIN_THRESHOLD, Math.min(sumScores, maxThreshold));
    return NodeScore.MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD);
  }

  /** {@code nginx} → {@code nginx:latest}; an image with a tag (or digest) is left as it is. */
  static String normalizedImageName(String name) {
    return name.lastIndexOf(':') <= name.lastIndexOf('/') ? name + ":latest" : name;
  }

  private static List<Container> containers(Pod pod) {
    List<Container> out = new ArrayList<>();
    if (pod.getSpec().getInitContainers() != null) {
      out.addAll(pod.getSpec().getInitContainers());
    }
    if (pod.getSpec().getContainers() != null) {
      out.addAll(pod.getSpec().getContainers());
    }
    return out;
  }

  private static List<ContainerImage> nodeImages(NodeInfo n) {
    return n.node().getStatus() == null || n.node().getStatus().getImages() == null ? List.of()
        : n.node().getStatus().getImages();
  }
}
