package io.kube4j.agent.kuberuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentVariablesTest {

  private static final EnvironmentVariables.PodFacts FACTS = new EnvironmentVariables.PodFacts(
      List.of("10.88.0.5"), List.of("192.0.2.2"), Map.of("cpu", new Quantity("2"), "memory", new Quantity("8Gi")));

  private final Map<String, ConfigMap> configMaps = Map.of("settings", new ConfigMapBuilder()
      .withNewMetadata().withName("settings").endMetadata()
      .withData(Map.of("LEVEL", "debug", "bad=key", "x", "MODE", "fast")).build());
  private final Map<String, Secret> secrets = Map.of("creds", new SecretBuilder()
      .withNewMetadata().withName("creds").endMetadata()
      .withData(Map.of("password", Base64.getEncoder().encodeToString("s3cr3t".getBytes()))).build());
  private final EnvSources sources = new EnvSources() {
    @Override
    public Optional<ConfigMap> configMap(String namespace, String name) {
      return Optional.ofNullable(configMaps.get(name));
    }

    @Override
    public Optional<Secret> secret(String namespace, String name) {
      return Optional.ofNullable(secrets.get(name));
    }
  };

  private static Pod pod(Container c) {
    return new PodBuilder().withNewMetadata().withName("web").withNamespace("shop").withUid("u1")
        .addToLabels("app", "web").endMetadata()
        .withNewSpec().withNodeName("node-1").withServiceAccountName("default").withContainers(c).endSpec().build();
  }

  private Map<String, String> env(Container c) {
    return EnvironmentVariables.make(pod(c), c, FACTS, sources).env();
  }

  @Test
  void literalValuesExpandOnlyVariablesDefinedBeforeThem() {
    Container c = new ContainerBuilder().withName("c")
        .addNewEnv().withName("HOST").withValue("db").endEnv()
        .addNewEnv().withName("URL").withValue("http://$(HOST):$(PORT)/").endEnv()
        .addNewEnv().withName("PORT").withValue("5432").endEnv()
        .addNewEnv().withName("ESCAPED").withValue("$$(HOST)").endEnv()
        .build();

    assertThat(env(c)).containsExactly(Map.entry("HOST", "db"), Map.entry("URL", "http://db:$(PORT)/"),
        Map.entry("PORT", "5432"), Map.entry("ESCAPED", "$(HOST)"));
  }

  @Test
  void envFromComesFirstWithItsPrefixAndSkipsInvalidNames() {
    Container c = new ContainerBuilder().withName("c")
        .addNewEnvFrom().withPrefix("APP_").withNewConfigMapRef().withName("settings").endConfigMapRef().endEnvFrom()
        .addNewEnv().withName("APP_MODE").withValue("slow").endEnv()
        .build();

    EnvironmentVariables.Result result = EnvironmentVariables.make(pod(c), c, FACTS, sources);

    assertThat(result.env()).containsExactly(Map.entry("APP_LEVEL", "debug"), Map.entry("APP_MODE", "slow"));
    assertThat(result.skipped()).containsExactly("APP_bad=key");
  }

  @Test
  void configMapAndSecretKeysAreResolved() {
    Container c = new ContainerBuilder().withName("c")
        .addToEnv(new EnvVarBuilder().withName("LEVEL").withNewValueFrom().withNewConfigMapKeyRef("LEVEL", "settings", false)
            .endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("PASSWORD").withNewValueFrom().withNewSecretKeyRef("password", "creds", false)
            .endValueFrom().build())
        .addToEnv(new EnvVarBuilder().withName("MISSING").withNewValueFrom().withNewConfigMapKeyRef("NOPE", "settings", true)
            .endValueFrom().build())
        .build();

    assertThat(env(c)).containsExactly(Map.entry("LEVEL", "debug"), Map.entry("PASSWORD", "s3cr3t"));
  }

  @Test
  void aMissingRequiredKeyOrConfigMapIsACreateContainerConfigError() {
    Container missingKey = new ContainerBuilder().withName("c")
        .addToEnv(new EnvVarBuilder().withName("X").withNewValueFrom().withNewConfigMapKeyRef("NOPE", "settings", false)
            .endValueFrom().build()).build();
    Container missingMap = new ContainerBuilder().withName("c")
        .addNewEnvFrom().withNewSecretRef().withName("absent").endSecretRef().endEnvFrom().build();

    assertThatThrownBy(() -> env(missingKey)).isInstanceOf(CreateContainerConfigException.class)
        .hasMessage("couldn't find key NOPE in ConfigMap shop/settings");
    assertThatThrownBy(() -> env(missingMap)).hasMessage("secret \"absent\" not found");
  }

  @Test
  void fieldRefsReadThePodAndItsStatus() {
    Container c = new ContainerBuilder().withName("c")
        .addToEnv(field("NAME", "metadata.name"), field("NS", "metadata.namespace"), field("UID", "metadata.uid"),
            field("APP", "metadata.labels['app']"), field("NODE", "spec.nodeName"), field("SA", "spec.serviceAccountName"),
            field("POD_IP", "status.podIP"), field("HOST_IP", "status.hostIP"))
        .build();

    assertThat(env(c)).containsExactly(Map.entry("NAME", "web"), Map.entry("NS", "shop"), Map.entry("UID", "u1"),
        Map.entry("APP", "web"), Map.entry("NODE", "node-1"), Map.entry("SA", "default"),
        Map.entry("POD_IP", "10.88.0.5"), Map.entry("HOST_IP", "192.0.2.2"));
  }

  @Test
  void resourceFieldRefsDivideAndRoundUpWithTheNodeAsDefaultLimit() {
    Container c = new ContainerBuilder().withName("c")
        .editOrNewResources().addToLimits("cpu", new Quantity("500m")).addToLimits("memory", new Quantity("64Mi"))
        .endResources()
        .addToEnv(resource("CPU_CORES", "limits.cpu", null), resource("CPU_MILLIS", "limits.cpu", "1m"),
            resource("MEM_MI", "limits.memory", "1Mi"), resource("REQ_MEM", "requests.memory", null))
        .build();
    Container unlimited = new ContainerBuilder().withName("c").addToEnv(resource("CPU", "limits.cpu", null)).build();

    assertThat(env(c)).containsExactly(Map.entry("CPU_CORES", "1"), Map.entry("CPU_MILLIS", "500"),
        Map.entry("MEM_MI", "64"), Map.entry("REQ_MEM", Long.toString(64L << 20)));
    assertThat(env(unlimited)).containsEntry("CPU", "2");
  }

  private static io.fabric8.kubernetes.api.model.EnvVar field(String name, String path) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewFieldRef().withFieldPath(path).endFieldRef()
        .endValueFrom().build();
  }

  private static io.fabric8.kubernetes.api.model.EnvVar resource(String name, String resource, String divisor) {
    return new EnvVarBuilder().withName(name).withNewValueFrom().withNewResourceFieldRef().withResource(resource)
        .withDivisor(divisor == null ? null : new Quantity(divisor)).endResourceFieldRef().endValueFrom().build();
  }
}
