package io.kube4j.apiserver.admission.plugins.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.registry.builtin.BuiltinResources;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceAccountAdmissionTest {

  private final Map<String, ServiceAccount> accounts = Map.of(
      "dev/default", new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build(),
      "dev/quiet", new ServiceAccountBuilder().withNewMetadata().withName("quiet").endMetadata()
          .withAutomountServiceAccountToken(false).addNewImagePullSecret("regcred").build());
  private final ServiceAccountAdmission plugin = new ServiceAccountAdmission(
      (ns, name) -> Optional.ofNullable(accounts.get(ns + "/" + name)));

  @Test
  void aPodWithoutServiceAccountGetsDefaultAndTheTokenVolumeInEveryContainer() {
    Pod pod = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewInitContainer().withName("init").withImage("busybox").endInitContainer()
        .addNewContainer().withName("app").withImage("busybox").endContainer().endSpec().build());

    assertThat(pod.getSpec().getServiceAccountName()).isEqualTo("default");
    assertThat(pod.getSpec().getVolumes()).hasSize(1);
    Volume volume = pod.getSpec().getVolumes().get(0);
    assertThat(volume.getName()).matches("kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}");
    var sources = volume.getProjected().getSources();
    assertThat(volume.getProjected().getDefaultMode()).isEqualTo(420);
    assertThat(sources.get(0).getServiceAccountToken().getExpirationSeconds()).isEqualTo(3607L);
    assertThat(sources.get(0).getServiceAccountToken().getPath()).isEqualTo("token");
    assertThat(sources.get(1).getConfigMap().getName()).isEqualTo("kube-root-ca.crt");
    assertThat(sources.get(2).getDownwardAPI().getItems().get(0).getFieldRef().getFieldPath())
        .isEqualTo("metadata.namespace");
    for (var c : java.util.List.of(pod.getSpec().getInitContainers().get(0), pod.getSpec().getContainers().get(0))) {
      assertThat(c.getVolumeMounts()).singleElement().satisfies(m -> {
        assertThat(m.getName()).isEqualTo(volume.getName());
        assertThat(m.getMountPath()).isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount");
        assertThat(m.getReadOnly()).isTrue();
      });
    }
  }

  @Test
  void aContainerWithItsOwnMountAtTheTokenPathKeepsIt() {
    Pod pod = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .addNewContainer().withName("app").withImage("busybox").addNewVolumeMount().withName("mine")
        .withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").endVolumeMount().endContainer()
        .addNewVolume().withName("mine").withNewEmptyDir().endEmptyDir().endVolume().endSpec().build());

    assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts()).extracting("name").containsExactly("mine");
    assertThat(pod.getSpec().getVolumes()).extracting(Volume::getName).containsExactly("mine");
  }

  @Test
  void automountingOffOnTheServiceAccountOrThePodMountsNothing() {
    Pod quiet = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .withServiceAccountName("quiet").addNewContainer().withName("app").withImage("busybox").endContainer()
        .endSpec().build());
    assertThat(quiet.getSpec().getVolumes()).isNullOrEmpty();
    assertThat(quiet.getSpec().getImagePullSecrets()).extracting("name").containsExactly("regcred");

    Pod optedOut = admit(new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .withAutomountServiceAccountToken(false).addNewContainer().withName("app").withImage("busybox").endContainer()
        .endSpec().build());
    assertThat(optedOut.getSpec().getVolumes()).isNullOrEmpty();
  }

  @Test
  void aMissingServiceAccountIsForbiddenWithUpstreamsMessage() {
    Pod pod = new PodBuilder().withNewMetadata().withName("p").endMetadata().withNewSpec()
        .withServiceAccountName("ghost").addNewContainer().withName("app").withImage("busybox").endContainer()
        .endSpec().build();
    assertThatThrownBy(() -> admit(pod)).hasMessage("pods \"p\" is forbidden: error looking up service account "
        + "dev/ghost: serviceaccount \"ghost\" not found");
  }

  private Pod admit(Pod pod) {
    Attributes a = new Attributes(Attributes.Operation.CREATE, BuiltinResources.find("", "pods").orElseThrow(), "",
        "dev", "p", Optional.of(pod), Optional.empty(), Optional.empty(), false);
    return (Pod) plugin.admit(a).object().orElseThrow();
  }
}
