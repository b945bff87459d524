package io.kube4j.benchmark.controllers;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Services × pods: every pod turns ready (setup), then a burst flips every pod to not ready. The
 * endpoints and endpointslice controllers must follow; measured: how long after the burst began
 * every Endpoints shows the change, beside how long the burst itself took.
 */
final class EndpointsScenario {

  static final String NAMESPACE = "bench-endpoints";

  record Result(int services, int pods, Duration setupWrites, Duration setupConverged, Duration burst,
      Duration burstConverged) {}

  private final KubernetesClient client;
  private final ParallelWriter writer;
  private final int services;
  private final int podsPerService;
  private Pod[] pods;

  EndpointsScenario(KubernetesClient client, ParallelWriter writer, int services, int podsPerService) {
    this.client = client;
    this.writer = writer;
    this.services = services;
    this.podsPerService = podsPerService;
  }

  Result run() throws Exception {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Converge.await("default service account", Duration.ofSeconds(60),
        () -> client.serviceAccounts().inNamespace(NAMESPACE).withName("default").get() != null);
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("bench-node").endMetadata().build()).create();
    int total = services * podsPerService;
    pods = new Pod[total];
    long start = System.nanoTime();
    writer.run(services, i -> client.services().inNamespace(NAMESPACE).resource(new ServiceBuilder()
        .withNewMetadata().withName("svc-" + i).endMetadata().withNewSpec().withSelector(Map.of("app", "svc-" + i))
        .addNewPort().withName("http").withPort(80).withNewTargetPort(8080).endPort().endSpec().build()).create());
    writer.run(total, i -> pods[i] = client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
        .withNewMetadata().withName("pod-" + i).withLabels(Map.of("app", "svc-" + (i / podsPerService))).endMetadata()
        .withNewSpec().withNodeName("bench-node").addNewContainer().withName("c").withImage("nginx").endContainer()
        .endSpec().build()).create());
    writer.run(total, i -> setReady(i, true));
    Duration setupWrites = Duration.ofNanos(System.nanoTime() - start);
    long converged = Converge.await("every service's pods ready", Duration.ofMinutes(10), () -> all(true));
    Duration setupConverged = Duration.ofNanos(converged - start);

    long burstStart = System.nanoTime();
    Duration burst = writer.run(total, i -> setReady(i, false));
    long burstDone = Converge.await("every service's pods not ready", Duration.ofMinutes(10), () -> all(false));
    return new Result(services, total, setupWrites, setupConverged, burst, Duration.ofNanos(burstDone - burstStart));
  }

  /** What a kubelet reports: the pod's IP and its Ready condition (a merge patch of status). */
  private void setReady(int i, boolean ready) {
    String ip = "10.200." + (i / 250) + "." + (i % 250 + 1);
    String patch = "{\"status\":{\"phase\":\"Running\",\"podIP\":\"" + ip + "\",\"podIPs\":[{\"ip\":\"" + ip
        + "\"}],\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + (ready ? "True" : "False") + "\"}]}}";
    client.pods().inNamespace(NAMESPACE).resource(pods[i]).subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
  }

  /** Whether every service's Endpoints lists all its pods as ready (or all as not ready). */
  private boolean all(boolean ready) {
    List<Endpoints> endpoints = client.endpoints().inNamespace(NAMESPACE).list().getItems();
    if (endpoints.size() < services) {
      return false;
    }
    for (Endpoints e : endpoints) {
      int count = 0;
      for (EndpointSubset s : e.getSubsets() == null ? List.<EndpointSubset>of() : e.getSubsets()) {
        var addresses = ready ? s.getAddresses() : s.getNotReadyAddresses();
        count += addresses == null ? 0 : addresses.size();
      }
      if (count != podsPerService) {
        return false;
      }
    }
    return true;
  }
}
