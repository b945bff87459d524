package io.kube4j.scheduler.cache;

import io.kube4j.scheduler.framework.NodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes as one scheduling cycle sees them: copies of the cache's NodeInfos, refreshed at the start
 * of each cycle for the nodes that changed (by generation), never mutated during the cycle. Only the
 * scheduling goroutine uses it, so it needs no lock.
 */
public final class Snapshot {

  final Map<String, NodeInfo> nodeInfoMap = new HashMap<>();
  List<NodeInfo> nodeInfoList = List.of();
  long generation = -1;

  public List<NodeInfo> nodeInfoList() {
    return nodeInfoList;
  }

  public NodeInfo get(String nodeName) {
    return nodeInfoMap.get(nodeName);
  }

  public int numNodes() {
    return nodeInfoList.size();
  }

  void rebuildList() {
    List<NodeInfo> list = new ArrayList<>(nodeInfoMap.values());
    list.sort(java.util.Comparator.comparing(NodeInfo::name));
    nodeInfoList = List.copyOf(list);
  }
}
