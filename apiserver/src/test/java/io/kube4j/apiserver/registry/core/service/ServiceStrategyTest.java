package io.kube4j.apiserver.registry.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.kube4j.apiserver.api.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStrategyTest {

  private final ServiceStrategy strategy = new ServiceStrategy();

  private static Service svc(String name) {
    return new ServiceBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
        .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build();
  }

  private Service created(Service s) {
    strategy.applyDefaults(s);
    strategy.prepareForCreate(s);
    return s;
  }

  @Test
  void minimalServiceGetsEveryDefault() {
    Service s = created(svc("web"));
    var spec = s.getSpec();
    assertThat(spec.getType()).isEqualTo("ClusterIP");
    assertThat(spec.getSessionAffinity()).isEqualTo("None");
    assertThat(spec.getPorts().get(0).getProtocol()).isEqualTo("TCP");
    assertThat(spec.getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(80));
    assertThat(spec.getInternalTrafficPolicy()).isEqualTo("Cluster");
    assertThat(spec.getIpFamilyPolicy()).isEqualTo("SingleStack");
    assertThat(spec.getIpFamilies()).containsExactly("IPv4");
    assertThat(strategy.validate(s)).isEmpty();
  }

  @Test
  void serviceNameMustBeADns1035Label() {
    assertThat(strategy.validate(created(svc("1web")))).extracting(FieldError::message).containsExactly(
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. "
            + "'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
  }

  @Test
  void portsAreRequiredUnlessExternalName() {
    Service s = svc("web");
    s.getSpec().setPorts(List.of());
    assertThat(strategy.validate(created(s))).extracting(FieldError::message).containsExactly("spec.ports: Required value");
    Service ext = svc("ext");
    ext.getSpec().setPorts(List.of());
    ext.getSpec().setType("ExternalName");
    ext.getSpec().setExternalName("example.com");
    assertThat(strategy.validate(created(ext))).isEmpty();
  }

  @Test
  void twoPortsNeedNamesAndPortsMustBeInRange() {
    Service s = svc("web");
    s.getSpec().getPorts().add(new io.fabric8.kubernetes.api.model.ServicePortBuilder().withPort(70000).build());
    assertThat(strategy.validate(created(s))).extracting(FieldError::message).containsExactly(
        "spec.ports[0].name: Required value", "spec.ports[1].name: Required value",
        "spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
        "spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
  }

  @Test
  void unknownTypeIsNotSupported() {
    Service s = svc("web");
    s.getSpec().setType("Magic");
    assertThat(strategy.validate(created(s))).extracting(FieldError::message).contains(
        "spec.type: Unsupported value: \"Magic\": supported values: \"ClusterIP\", \"ExternalName\", "
            + "\"LoadBalancer\", \"NodePort\"");
  }

  @Test
  void clusterIPMayNotChangeOnceSet() {
    Service old = svc("web");
    old.getSpec().setClusterIP("10.96.0.10");
    created(old);
    old.getMetadata().setResourceVersion("3");
    Service update = new ServiceBuilder(old).editSpec().withClusterIP("10.96.0.11").endSpec().build();
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getClusterIPs()).containsExactly("10.96.0.11");
    assertThat(strategy.validateUpdate(update, old)).extracting(FieldError::message).containsExactly(
        "spec.clusterIPs[0]: Invalid value: []string{\"10.96.0.11\"}: may not change once set");
  }

  @Test
  void replaceWithoutClusterIPKeepsTheAllocatedOne() {
    Service old = svc("web");
    old.getSpec().setClusterIP("10.96.0.10");
    created(old);
    old.getMetadata().setResourceVersion("3");
    Service update = svc("web");
    update.getMetadata().setResourceVersion("3");
    strategy.applyDefaults(update);
    strategy.prepareForUpdate(update, old);
    assertThat(update.getSpec().getClusterIP()).isEqualTo("10.96.0.10");
    assertThat(strategy.validateUpdate(update, old)).isEmpty();
  }
}
