package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.agent.cri.v1.DNSConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodDnsTest {

  private static final ResolvConf HOST = ResolvConf.parse(
      "# host\nnameserver 10.255.255.53\nsearch corp.example\noptions edns0 ; comment\n");
  private static final NodeFacts NODE = NodeFacts.defaults(8L << 30, List.of("10.96.0.10"), HOST);

  private static PodBuilder pod() {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("u1").endMetadata()
        .withNewSpec().addNewContainer().withName("c").endContainer().endSpec();
  }

  @Test
  void clusterFirstSearchesTheNamespaceThenTheClusterThenTheHost() {
    DNSConfig dns = PodDns.forPod(pod().build(), NODE);

    assertThat(dns.getServersList()).containsExactly("10.96.0.10");
    assertThat(dns.getSearchesList()).containsExactly("shop.svc.cluster.local", "svc.cluster.local", "cluster.local",
        "corp.example");
    assertThat(dns.getOptionsList()).containsExactly("ndots:5");
  }

  @Test
  void clusterFirstOnTheHostNetworkUsesTheHostsResolvConf() {
    Pod pod = pod().editSpec().withHostNetwork(true).endSpec().build();

    DNSConfig dns = PodDns.forPod(pod, NODE);

    assertThat(dns.getServersList()).containsExactly("10.255.255.53");
    assertThat(dns.getSearchesList()).containsExactly("corp.example");
    assertThat(dns.getOptionsList()).containsExactly("edns0");
  }

  @Test
  void clusterFirstWithHostNetKeepsClusterDns() {
    Pod pod = pod().editSpec().withHostNetwork(true).withDnsPolicy("ClusterFirstWithHostNet").endSpec().build();

    assertThat(PodDns.forPod(pod, NODE).getServersList()).containsExactly("10.96.0.10");
  }

  @Test
  void withoutClusterDnsClusterFirstFallsBackToTheHost() {
    NodeFacts noDns = NodeFacts.defaults(8L << 30, List.of(), HOST);

    assertThat(PodDns.forPod(pod().build(), noDns).getServersList()).containsExactly("10.255.255.53");
  }

  @Test
  void noneTakesOnlyTheDnsConfigAndPodOptionsOverrideByName() {
    Pod none = pod().editSpec().withDnsPolicy("None").withNewDnsConfig().withNameservers("1.1.1.1")
        .withSearches("a.example").addNewOption().withName("ndots").withValue("2").endOption().endDnsConfig().endSpec().build();
    Pod merged = pod().editSpec().withNewDnsConfig().addNewOption().withName("ndots").withValue("1").endOption()
        .addNewOption().withName("single-request").endOption().endDnsConfig().endSpec().build();

    DNSConfig dns = PodDns.forPod(none, NODE);
    assertThat(dns.getServersList()).containsExactly("1.1.1.1");
    assertThat(dns.getSearchesList()).containsExactly("a.example");
    assertThat(dns.getOptionsList()).containsExactly("ndots:2");
    assertThat(PodDns.forPod(merged, NODE).getOptionsList()).containsExactly("ndots:1", "single-request");
  }
}
