package io.kube4j.apiserver.admission.plugins.serviceaccount;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.kube4j.apiserver.admission.Attributes;
import io.kube4j.apiserver.admission.MutatingAdmission;
import io.kube4j.apiserver.api.StatusException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** {@code plugin/pkg/admission/serviceaccount}: default service account and its token volume. */
public final class ServiceAccountAdmission implements MutatingAdmission {

  public static final String DEFAULT_SERVICE_ACCOUNT = "default";
  public static final String TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
  static final String VOLUME_PREFIX = "kube-api-access-";
  static final String MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
  /** {@code WarnOnlyBoundTokenExpirationSeconds}: one hour and seven seconds. */
  static final long TOKEN_EXPIRATION_SECONDS = 3607;
  /** {@code utilrand.String}'s alphabet: no vowels, no look-alike digits. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final BiFunction<String, String, Optional<ServiceAccount>> serviceAccounts;
  private final SecureRandom random = new SecureRandom();

  /** @param serviceAccounts finds {@code (namespace, name)}, from the cache and else from storage */
  public ServiceAccountAdmission(BiFunction<String, String, Optional<ServiceAccount>> serviceAccounts) {
    this.serviceAccounts = serviceAccounts;
  }

  @Override
  public String name() {
    return "ServiceAccount";
  }

  @Override
  public boolean handles(Attributes.Operation operation) {
    return operation == Attributes.Operation.CREATE;
  }

  @Override
  public Attributes admit(Attributes a) {
    Optional<Pod> found = a.pod().filter(p -> p.getSpec() != null);
    if (found.isEmpty()) {
      return a;
    }
    Pod pod = found.get();
    PodSpec spec = pod.getSpec();
    var annotations = pod.getMetadata().getAnnotations();
    if (annotations != null && annotations.containsKey(MIRROR_POD_ANNOTATION)) {
      return a;  // a node's static pod: its spec comes from the node and is not changed
    }
    if (spec.getServiceAccountName() == null || spec.getServiceAccountName().isEmpty()) {
      spec.setServiceAccountName(DEFAULT_SERVICE_ACCOUNT);
    }
    String name = spec.getServiceAccountName();
    ServiceAccount sa = serviceAccounts.apply(a.namespace(), name).orElseThrow(() -> StatusException.forbidden(
        a.resource().groupResource(), a.name(), "error looking up service account " + a.namespace() + "/" + name
            + ": serviceaccount \"" + name + "\" not found"));
    if (automount(sa, pod)) {
      mountToken(spec);
    }
    if ((spec.getImagePullSecrets() == null || spec.getImagePullSecrets().isEmpty())
        && sa.getImagePullSecrets() != null && !sa.getImagePullSecrets().isEmpty()) {
      spec.setImagePullSecrets(new ArrayList<>(sa.getImagePullSecrets()));
    }
    return a;
  }

  /** The pod's choice wins, then the service account's; mounting is the default. */
  static boolean automount(ServiceAccount sa, Pod pod) {
    if (pod.getSpec().getAutomountServiceAccountToken() != null) {
      return pod.getSpec().getAutomountServiceAccountToken();
    }
    return sa.getAutomountServiceAccountToken() == null || sa.getAutomountServiceAccountToken();
  }

  /**
   * Mounts the token volume into every init and app container that has nothing mounted at the token
   * path yet, reusing a {@code kube-api-access-*} volume the pod already has.
   */
  private void mountToken(PodSpec spec) {
    List<Volume> volumes = spec.getVolumes() == null ? new ArrayList<>() : new ArrayList<>(spec.getVolumes());
    String volumeName = volumes.stream().map(Volume::getName).filter(n -> n != null && n.startsWith(VOLUME_PREFIX))
        .findFirst().orElseGet(() -> VOLUME_PREFIX + randomSuffix());
    VolumeMount mount = new VolumeMountBuilder().withName(volumeName).withReadOnly(true)
        .withMountPath(TOKEN_MOUNT_PATH).build();
    boolean needed = mountInto(spec.getInitContainers(), mount) | mountInto(spec.getContainers(), mount);
    if (needed && volumes.stream().noneMatch(v -> volumeName.equals(v.getName()))) {
      volumes.add(tokenVolume(volumeName));
      spec.setVolumes(volumes);
    }
  }

  private static boolean mountInto(List<Container> containers, VolumeMount mount) {
    boolean mounted = false;
    for (Container c : containers == null ? List.<Container>of() : containers) {
      List<VolumeMount> mounts = c.getVolumeMounts() == null ? new ArrayList<>() : new ArrayList<>(c.getVolumeMounts());
      if (mounts.stream().noneMatch(m -> TOKEN_MOUNT_PATH.equals(m.getMountPath()))) {
        mounts.add(new VolumeMountBuilder(mount).build());
        c.setVolumeMounts(mounts);
        mounted = true;
      }
    }
    return mounted;
  }

  /** {@code TokenVolumeSource}: token, CA and namespace in one projected volume. */
  static Volume tokenVolume(String name) {
    return new VolumeBuilder().withName(name).withNewProjected().withDefaultMode(420)
        .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(TOKEN_EXPIRATION_SECONDS)
        .endServiceAccountToken().endSource()
        .addNewSource().withNewConfigMap().withName("kube-root-ca.crt").addNewItem().withKey("ca.crt")
        .withPath("ca.crt").endItem().endConfigMap().endSource()
        .addNewSource().withNewDownwardAPI().addNewItem().withPath("namespace").withNewFieldRef("v1",
            "metadata.namespace").endItem().endDownwardAPI().endSource()
        .endProjected().build();
  }

  private String randomSuffix() {
    StringBuilder s = new StringBuilder(5);
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
