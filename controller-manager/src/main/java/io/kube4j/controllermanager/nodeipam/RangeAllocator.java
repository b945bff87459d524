package io.kube4j.controllermanager.nodeipam;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllermanager.controller.ControllerContext;
import io.kube4j.controllermanager.controller.ControllerDescriptor;
import io.kube4j.controllermanager.controller.ReconcileLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives each node a pod CIDR ({@code rangeAllocator}). */
public final class RangeAllocator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RangeAllocator.class);

  public static final String NAME = "node-ipam-controller";
  /** Upstream runs node IPAM with the node controller's identity. */
  public static final String SERVICE_ACCOUNT = "node-controller";
  public static final ControllerDescriptor DESCRIPTOR = new ControllerDescriptor(NAME, List.of("nodeipam"), false,
      RangeAllocator::start);

  private final SharedIndexInformer<Node> nodes;
  private final KubernetesClient client;
  private final CidrSet cidrs;
  private final ReconcileLoop loop;

  private RangeAllocator(ControllerContext context, CidrSet cidrs) {
    this.nodes = context.informers().forType(Node.class);
    this.client = context.clientFor(SERVICE_ACCOUNT);
    this.cidrs = cidrs;
    this.loop = context.loop(NAME, this::allocate);
  }

  static AutoCloseable start(ControllerContext context) {
    var ipam = context.options().nodeIpam();
    if (!ipam.allocateNodeCidrs()) {
      return () -> { };  // as upstream: enabled, but idle unless --allocate-node-cidrs
    }
    RangeAllocator r = new RangeAllocator(context, new CidrSet(ipam.clusterCidr(), ipam.nodeCidrMaskSize()));
    r.nodes.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Node node) {
        r.loop.enqueue(node.getMetadata().getName());
      }

      @Override
      public void onUpdate(Node old, Node node) {
        r.loop.enqueue(node.getMetadata().getName());
      }

      /** A deleted node's CIDR is free again. */
      @Override
      public void onDelete(Node node, boolean deletedFinalStateUnknown) {
        podCidr(node).ifPresent(r.cidrs::release);
      }
    });
    r.loop.start(1);
    return r;
  }

  /** Records the node's CIDR, or gives it the next free one. */
  void allocate(String name) {
    Node node = nodes.getIndexer().getByKey(name);
    if (node == null) {
      return;
    }
    Optional<String> existing = podCidr(node);
    if (existing.isPresent()) {
      if (!cidrs.occupy(existing.get())) {
        LOG.warn("node {} has pod CIDR {} outside --cluster-cidr", name, existing.get());
      }
      return;
    }
    // every CIDR the cache knows is taken before a new one is given, whatever order nodes arrive in
    for (Node n : nodes.getIndexer().list()) {
      podCidr(n).ifPresent(cidrs::occupy);
    }
    Optional<String> cidr = cidrs.allocateNext();
    if (cidr.isEmpty()) {
      LOG.error("node {}: CIDRNotAvailable: no remaining CIDRs in the cluster CIDR", name);
      return;
    }
    Node current = client.nodes().withName(name).get();
    if (current == null || podCidr(current).isPresent()) {
      cidrs.release(cidr.get());
      return;
    }
    if (current.getSpec() == null) {
      current.setSpec(new io.fabric8.kubernetes.api.model.NodeSpec());
    }
    current.getSpec().setPodCIDR(cidr.get());
    current.getSpec().setPodCIDRs(new ArrayList<>(List.of(cidr.get())));
    try {
      client.nodes().resource(current).update();
      LOG.info("node {}: allocated pod CIDR {}", name, cidr.get());
    } catch (RuntimeException e) {
      cidrs.release(cidr.get());
      throw e;
    }
  }

  static Optional<String> podCidr(Node node) {
    return Optional.ofNullable(node.getSpec()).map(s -> s.getPodCIDR()).filter(c -> !c.isEmpty());
  }

  @Override
  public void close() {
    loop.close();
  }
}
