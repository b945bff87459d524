package io.kube4j.controllermanager.testing;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIPBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pod as controllers see it in their cache: bound to a node, with the status its kubelet wrote. */
public final class Pods {

  private final PodBuilder pod;
  private final List<String> ips = new ArrayList<>();
  private String ready;
  private String readySince = "2026-01-01T00:00:00Z";

  private Pods(String name) {
    this.pod = new PodBuilder().withNewMetadata().withName(name).withNamespace("default")
        .withUid(UUID.nameUUIDFromBytes(name.getBytes()).toString()).withResourceVersion("1").endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("nginx").endContainer()
        .endSpec().withNewStatus().withPhase("Running").endStatus();
  }

  /** Pod {@code name} in {@code default} on {@code node-a}, running, without IP or readiness yet. */
  public static Pods pod(String name) {
    return new Pods(name);
  }

  public Pods namespace(String namespace) {
    pod.editMetadata().withNamespace(namespace).endMetadata();
    return this;
  }

  public Pods labels(Map<String, String> labels) {
    pod.editMetadata().withLabels(labels).endMetadata();
    return this;
  }

  public Pods resourceVersion(String version) {
    pod.editMetadata().withResourceVersion(version).endMetadata();
    return this;
  }

  public Pods uid(String uid) {
    pod.editMetadata().withUid(uid).endMetadata();
    return this;
  }

  public Pods node(String node) {
    pod.editSpec().withNodeName(node).endSpec();
    return this;
  }

  /** Adds an IP ({@code status.podIPs}; the first is also {@code status.podIP}). */
  public Pods ip(String ip) {
    ips.add(ip);
    return this;
  }

  public Pods ready() {
    ready = "True";
    return this;
  }

  public Pods notReady() {
    ready = "False";
    return this;
  }

  /** The Ready condition's lastTransitionTime. */
  public Pods readySince(String timestamp) {
    readySince = timestamp;
    return this;
  }

  public Pods phase(String phase) {
    pod.editStatus().withPhase(phase).endStatus();
    return this;
  }

  public Pods deleting() {
    pod.editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata();
    return this;
  }

  /** A named port (TCP) on the pod's container. */
  public Pods port(String name, int number) {
    return port(name, number, "TCP");
  }

  public Pods port(String name, int number, String protocol) {
    pod.editSpec().editFirstContainer().addToPorts(new ContainerPortBuilder().withName(name)
        .withContainerPort(number).withProtocol(protocol).build()).endContainer().endSpec();
    return this;
  }

  /** {@code spec.hostname} and {@code spec.subdomain}. */
  public Pods hostname(String hostname, String subdomain) {
    pod.editSpec().withHostname(hostname).withSubdomain(subdomain).endSpec();
    return this;
  }

  /** {@code metadata.creationTimestamp}. */
  public Pods created(String timestamp) {
    pod.editMetadata().withCreationTimestamp(timestamp).endMetadata();
    return this;
  }

  public Pods annotation(String key, String value) {
    pod.editMetadata().addToAnnotations(key, value).endMetadata();
    return this;
  }

  /** Not bound to a node yet (and Pending). */
  public Pods unassigned() {
    pod.editSpec().withNodeName(null).endSpec().editStatus().withPhase("Pending").endStatus();
    return this;
  }

  /** The container's restart count. */
  public Pods restarts(int count) {
    pod.editStatus().addNewContainerStatus().withName("app").withRestartCount(count).endContainerStatus().endStatus();
    return this;
  }

  public Pod build() {
    Pod p = pod.build();
    if (!ips.isEmpty()) {
      p.getStatus().setPodIP(ips.get(0));
      p.getStatus().setPodIPs(ips.stream().map(ip -> new PodIPBuilder().withIp(ip).build()).toList());
    }
    if (ready != null) {
      p.getStatus().setConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus(ready)
          .withLastTransitionTime(readySince).build()));
    }
    return p;
  }
}
