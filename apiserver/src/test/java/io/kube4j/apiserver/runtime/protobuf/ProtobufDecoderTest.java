package io.kube4j.apiserver.runtime.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta.LabelSelector;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Meta.Time;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Policy;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies as kubectl 1.32 and client-go send them (zero values included, as Go writes them),
 * decoded and compared with the JSON kubectl would send for the same object.
 */
class ProtobufDecoderTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ProtobufDecoder decoder = new ProtobufDecoder();

  record Case(String name, byte[] body, String expectedJson) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** ObjectMeta as Go writes it for a new object: every non-pointer field, zero or not. */
  private static ObjectMeta.Builder goMeta(String name, String namespace) {
    return ObjectMeta.newBuilder().setName(name).setGenerateName("").setNamespace(namespace)
        .setSelfLink("").setUid("").setResourceVersion("").setGeneration(0)
        .setCreationTimestamp(Time.getDefaultInstance());
  }

  static Stream<Case> objects() {
    return Stream.of(
        new Case("ConfigMap as dumped from kubectl create configmap a1 --from-literal=k=v",
            // [[1,[[1,"a1"],[2,""],[3,""],[4,""],[5,""],[6,""],[7,0],[8,""]]],[2,[[1,"k"],[2,"v"]]]]
            Wire.envelope("v1", "ConfigMap", Wire.message()
                .message(1, Wire.message().string(1, "a1").string(2, "").string(3, "").string(4, "")
                    .string(5, "").string(6, "").varint(7, 0).message(8, Wire.message()))
                .message(2, Wire.message().string(1, "k").string(2, "v"))
                .toByteArray()),
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a1"},"data":{"k":"v"}}"""),

        new Case("Secret data bytes become base64 and an empty value stays",
            Wire.envelope("v1", "Secret", V1.Secret.newBuilder()
                .setMetadata(goMeta("s1", "default"))
                .putData("k", ByteString.copyFrom(new byte[] {'v', 0, (byte) 0xff}))
                .putData("empty", ByteString.EMPTY)
                .setType("Opaque")
                .build()),
            """
            {"apiVersion":"v1","kind":"Secret","metadata":{"name":"s1","namespace":"default"},
             "data":{"k":"dgD/","empty":""},"type":"Opaque"}"""),

        new Case("Deployment keeps replicas 0 and resources {} and drops Go's zero status",
            Wire.envelope("apps/v1", "Deployment", V1Apps.Deployment.newBuilder()
                .setMetadata(goMeta("d", "").putLabels("app", "d"))
                .setSpec(V1Apps.DeploymentSpec.newBuilder()
                    .setReplicas(0)
                    .setSelector(LabelSelector.newBuilder().putMatchLabels("app", "d"))
                    .setTemplate(V1.PodTemplateSpec.newBuilder()
                        .setMetadata(goMeta("", "").putLabels("app", "d"))
                        .setSpec(V1.PodSpec.newBuilder()
                            .addContainers(V1.Container.newBuilder().setName("nginx").setImage("nginx")
                                .setWorkingDir("").setResources(V1.ResourceRequirements.getDefaultInstance())
                                .setTerminationMessagePath("").setImagePullPolicy("")
                                .setStdin(false).setStdinOnce(false).setTty(false))
                            .setRestartPolicy("").setDnsPolicy("").setServiceAccountName("")
                            .setHostNetwork(false).setHostPID(false).setHostIPC(false)))
                    .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType(""))
                    .setMinReadySeconds(0).setPaused(false))
                .setStatus(V1Apps.DeploymentStatus.newBuilder().setObservedGeneration(0).setReplicas(0)
                    .setUpdatedReplicas(0).setReadyReplicas(0).setAvailableReplicas(0)
                    .setUnavailableReplicas(0))
                .build()),
            """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","labels":{"app":"d"}},
             "spec":{"replicas":0,"selector":{"matchLabels":{"app":"d"}},
               "template":{"metadata":{"labels":{"app":"d"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},
               "strategy":{}},
             "status":{}}"""),

        new Case("Service ports carry IntOrString target ports as number or string",
            Wire.envelope("v1", "Service", V1.Service.newBuilder()
                .setMetadata(goMeta("s", "default"))
                .setSpec(V1.ServiceSpec.newBuilder()
                    .addPorts(V1.ServicePort.newBuilder().setName("80-8080").setProtocol("TCP").setPort(80)
                        .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(8080).setStrVal(""))
                        .setNodePort(0))
                    .addPorts(V1.ServicePort.newBuilder().setName("web").setProtocol("TCP").setPort(81)
                        .setTargetPort(IntOrString.newBuilder().setType(1).setIntVal(0).setStrVal("http"))
                        .setNodePort(0))
                    .putSelector("app", "s").setType("ClusterIP").setClusterIP("")
                    .setPublishNotReadyAddresses(false))
                .setStatus(V1.ServiceStatus.newBuilder().setLoadBalancer(V1.LoadBalancerStatus.getDefaultInstance()))
                .build()),
            """
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"default"},
             "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},
                              {"name":"web","protocol":"TCP","port":81,"targetPort":"http"}],
                     "selector":{"app":"s"},"type":"ClusterIP"},
             "status":{"loadBalancer":{}}}"""),

        new Case("Namespace keeps its empty spec and status",
            Wire.envelope("v1", "Namespace", V1.Namespace.newBuilder()
                .setMetadata(goMeta("ns1", ""))
                .setSpec(V1.NamespaceSpec.getDefaultInstance())
                .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
                .build()),
            """
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"ns1"},"spec":{},"status":{}}"""),

        new Case("TokenRequest keeps its expirationSeconds pointer and drops a zero Time",
            Wire.envelope("authentication.k8s.io/v1", "TokenRequest", V1Authentication.TokenRequest.newBuilder()
                .setMetadata(goMeta("", ""))
                .setSpec(V1Authentication.TokenRequestSpec.newBuilder().setExpirationSeconds(3600))
                .setStatus(V1Authentication.TokenRequestStatus.newBuilder().setToken("")
                    .setExpirationTimestamp(Time.getDefaultInstance()))
                .build()),
            """
            {"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","metadata":{},
             "spec":{"expirationSeconds":3600},"status":{}}"""),

        new Case("SelfSubjectAccessReview from kubectl auth can-i create pods",
            Wire.envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview",
                V1Authorization.SelfSubjectAccessReview.newBuilder()
                    .setMetadata(goMeta("", ""))
                    .setSpec(V1Authorization.SelfSubjectAccessReviewSpec.newBuilder()
                        .setResourceAttributes(V1Authorization.ResourceAttributes.newBuilder()
                            .setNamespace("default").setVerb("create").setGroup("").setVersion("")
                            .setResource("pods").setSubresource("").setName("")))
                    .setStatus(V1Authorization.SubjectAccessReviewStatus.newBuilder()
                        .setAllowed(false).setDenied(false).setReason("").setEvaluationError(""))
                    .build()),
            """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","metadata":{},
             "spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"pods"}},
             "status":{"allowed":false}}"""),

        new Case("SubjectAccessReview extra values are plain string lists",
            Wire.envelope("authorization.k8s.io/v1", "SubjectAccessReview",
                V1Authorization.SubjectAccessReview.newBuilder()
                    .setMetadata(goMeta("", ""))
                    .setSpec(V1Authorization.SubjectAccessReviewSpec.newBuilder()
                        .setUser("alice").addGroups("devs")
                        .putExtra("scopes", V1Authorization.ExtraValue.newBuilder()
                            .addItems("a").addItems("b").build()))
                    .build()),
            """
            {"apiVersion":"authorization.k8s.io/v1","kind":"SubjectAccessReview","metadata":{},
             "spec":{"user":"alice","groups":["devs"],"extra":{"scopes":["a","b"]}}}"""),

        new Case("Lease renewTime is a MicroTime with six fractional digits",
            Wire.envelope("coordination.k8s.io/v1", "Lease", Wire.message()
                .message(1, Wire.message().string(1, "node1").string(3, "kube-node-lease").varint(7, 0))
                .message(2, Wire.message().string(1, "node1").varint(2, 40)
                    .message(4, Wire.message().varint(1, 1704164645L).varint(2, 123456789))
                    .varint(5, 0))
                .toByteArray()),
            """
            {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
             "metadata":{"name":"node1","namespace":"kube-node-lease"},
             "spec":{"holderIdentity":"node1","leaseDurationSeconds":40,
                     "renewTime":"2024-01-02T03:04:05.123456Z","leaseTransitions":0}}"""),

        new Case("Pod inline fields land in the enclosing object and set pointers keep their zeros",
            Wire.envelope("v1", "Pod", V1.Pod.newBuilder()
                .setMetadata(goMeta("p", "default"))
                .setSpec(V1.PodSpec.newBuilder()
                    .addVolumes(V1.Volume.newBuilder().setName("scratch")
                        .setVolumeSource(V1.VolumeSource.newBuilder()
                            .setEmptyDir(V1.EmptyDirVolumeSource.newBuilder().setMedium(""))))
                    .addContainers(V1.Container.newBuilder().setName("c").setImage("busybox")
                        .addEnv(V1.EnvVar.newBuilder().setName("P").setValue("")
                            .setValueFrom(V1.EnvVarSource.newBuilder().setSecretKeyRef(
                                V1.SecretKeySelector.newBuilder()
                                    .setLocalObjectReference(V1.LocalObjectReference.newBuilder().setName("s"))
                                    .setKey("k"))))
                        .setLivenessProbe(V1.Probe.newBuilder()
                            .setHandler(V1.ProbeHandler.newBuilder().setHttpGet(V1.HTTPGetAction.newBuilder()
                                .setPath("/").setPort(IntOrString.newBuilder().setType(0).setIntVal(8080))
                                .setHost("").setScheme("")))
                            .setInitialDelaySeconds(0).setPeriodSeconds(10))
                        .setSecurityContext(V1.SecurityContext.newBuilder().setRunAsUser(0)))
                    .setAutomountServiceAccountToken(false)
                    .setTerminationGracePeriodSeconds(0))
                .build()),
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"default"},
             "spec":{"volumes":[{"name":"scratch","emptyDir":{}}],
               "containers":[{"name":"c","image":"busybox",
                 "env":[{"name":"P","valueFrom":{"secretKeyRef":{"name":"s","key":"k"}}}],
                 "livenessProbe":{"httpGet":{"path":"/","port":8080},"periodSeconds":10},
                 "securityContext":{"runAsUser":0}}],
               "terminationGracePeriodSeconds":0,"automountServiceAccountToken":false}}"""),

        new Case("PersistentVolumeClaim keeps an empty storageClassName",
            Wire.envelope("v1", "PersistentVolumeClaim", V1.PersistentVolumeClaim.newBuilder()
                .setMetadata(goMeta("data", "default"))
                .setSpec(V1.PersistentVolumeClaimSpec.newBuilder().addAccessModes("ReadWriteOnce")
                    .setStorageClassName("").setVolumeName("")
                    .setResources(V1.VolumeResourceRequirements.newBuilder().putRequests("storage",
                        io.kubernetes.client.proto.Resource.Quantity.newBuilder().setString("1Gi").build())))
                .build()),
            """
            {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"data","namespace":"default"},
             "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},
                     "storageClassName":""}}"""),

        new Case("PodDisruptionBudget keeps minAvailable 0",
            Wire.envelope("policy/v1", "PodDisruptionBudget", V1Policy.PodDisruptionBudget.newBuilder()
                .setMetadata(goMeta("pdb", "default"))
                .setSpec(V1Policy.PodDisruptionBudgetSpec.newBuilder()
                    .setMinAvailable(IntOrString.newBuilder().setType(0).setIntVal(0).setStrVal(""))
                    .setSelector(LabelSelector.newBuilder().putMatchLabels("app", "a")))
                .setStatus(V1Policy.PodDisruptionBudgetStatus.newBuilder().setObservedGeneration(0)
                    .setDisruptionsAllowed(0))
                .build()),
            """
            {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"pdb","namespace":"default"},
             "spec":{"minAvailable":0,"selector":{"matchLabels":{"app":"a"}}},
             "status":{"disruptionsAllowed":0}}"""),

        new Case("Eviction keeps deleteOptions gracePeriodSeconds 0",
            Wire.envelope("policy/v1", "Eviction", V1Policy.Eviction.newBuilder()
                .setMetadata(goMeta("p1", "default"))
                .setDeleteOptions(io.kubernetes.client.proto.Meta.DeleteOptions.newBuilder().setGracePeriodSeconds(0))
                .build()),
            """
            {"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"p1","namespace":"default"},
             "deleteOptions":{"gracePeriodSeconds":0}}"""),

        new Case("DeleteOptions sent to apps/v1 is read as the meta DeleteOptions",
            Wire.envelope("apps/v1", "DeleteOptions", io.kubernetes.client.proto.Meta.DeleteOptions.newBuilder()
                .setPropagationPolicy("Foreground")
                .build()),
            """
            {"apiVersion":"apps/v1","kind":"DeleteOptions","propagationPolicy":"Foreground"}"""),

        new Case("CertificateSigningRequest request bytes are base64 and times are RFC 3339",
            Wire.envelope("certificates.k8s.io/v1", "CertificateSigningRequest",
                V1Certificates.CertificateSigningRequest.newBuilder()
                    .setMetadata(goMeta("csr1", "").setCreationTimestamp(Time.newBuilder()
                        .setSeconds(1704164645L).setNanos(999)))
                    .setSpec(V1Certificates.CertificateSigningRequestSpec.newBuilder()
                        .setRequest(ByteString.copyFromUtf8("PEM"))
                        .setSignerName("kubernetes.io/kube-apiserver-client").addUsages("client auth"))
                    .setStatus(V1Certificates.CertificateSigningRequestStatus.newBuilder()
                        .addConditions(V1Certificates.CertificateSigningRequestCondition.newBuilder()
                            .setType("Approved").setStatus("True").setReason("KubectlApprove")
                            .setMessage("").setLastUpdateTime(Time.newBuilder().setSeconds(0).setNanos(0))
                            .setLastTransitionTime(Time.getDefaultInstance())))
                    .build()),
            """
            {"apiVersion":"certificates.k8s.io/v1","kind":"CertificateSigningRequest",
             "metadata":{"name":"csr1","creationTimestamp":"2024-01-02T03:04:05Z"},
             "spec":{"request":"UEVN","signerName":"kubernetes.io/kube-apiserver-client","usages":["client auth"]},
             "status":{"conditions":[{"type":"Approved","status":"True","reason":"KubectlApprove",
                                      "lastUpdateTime":"1970-01-01T00:00:00Z"}]}}"""),

        new Case("ControllerRevision data is embedded JSON and managedFields carry FieldsV1",
            Wire.envelope("apps/v1", "ControllerRevision", V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("rev", "default").addManagedFields(
                    io.kubernetes.client.proto.Meta.ManagedFieldsEntry.newBuilder().setManager("kubectl")
                        .setOperation("Update").setApiVersion("apps/v1").setFieldsType("FieldsV1")
                        .setTime(Time.newBuilder().setSeconds(1704164645L))
                        .setFieldsV1(io.kubernetes.client.proto.Meta.FieldsV1.newBuilder()
                            .setRaw(ByteString.copyFromUtf8("{\"f:data\":{}}")))))
                .setData(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                    .setRaw(ByteString.copyFromUtf8("{\"spec\":{\"replicas\":2}}")))
                .setRevision(1)
                .build()),
            """
            {"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"rev","namespace":"default",
               "managedFields":[{"manager":"kubectl","operation":"Update","apiVersion":"apps/v1",
                 "time":"2024-01-02T03:04:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{}}}]},
             "data":{"spec":{"replicas":2}},"revision":1}"""),

        new Case("ControllerRevision data may itself be a protobuf object",
            Wire.envelope("apps/v1", "ControllerRevision", V1Apps.ControllerRevision.newBuilder()
                .setMetadata(goMeta("rev", "default"))
                .setData(io.kubernetes.client.proto.Runtime.RawExtension.newBuilder()
                    .setRaw(ByteString.copyFrom(Wire.envelope("v1", "ConfigMap", V1.ConfigMap.newBuilder()
                        .setMetadata(goMeta("inner", "")).build()))))
                .setRevision(2)
                .build()),
            """
            {"apiVersion":"apps/v1","kind":"ControllerRevision","metadata":{"name":"rev","namespace":"default"},
             "data":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"inner"}},"revision":2}"""),

        new Case("Pod-level resources and image volumes newer than client-java-proto are decoded",
            Wire.envelope("v1", "Pod", Wire.message()
                .message(1, Wire.message().string(1, "p"))
                .message(2, Wire.message()
                    .message(1, Wire.message().string(1, "img")
                        .message(2, Wire.message().message(30, Wire.message().string(1, "quay.io/x:1"))))
                    .message(40, Wire.message().message(1, Wire.message().string(1, "cpu")
                        .message(2, Wire.message().string(1, "500m")))))
                .toByteArray()),
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"volumes":[{"name":"img","image":{"reference":"quay.io/x:1"}}],
                     "resources":{"limits":{"cpu":"500m"}}}}"""),

        new Case("an events.k8s.io Event from client-go's event recorder",
            Wire.envelope("events.k8s.io/v1", "Event", Wire.message()
                .message(1, Wire.message().string(1, "p.17a").string(3, "default"))
                .message(2, Wire.message().varint(1, 1704164645L).varint(2, 5_000))
                .string(4, "default-scheduler").string(6, "Binding").string(7, "Scheduled")
                .message(8, Wire.message().string(1, "Pod").string(2, "default").string(3, "p"))
                .string(10, "Successfully assigned default/p to node1").string(11, "Normal")
                .message(13, Wire.message()).varint(15, 0)
                .toByteArray()),
            """
            {"apiVersion":"events.k8s.io/v1","kind":"Event","metadata":{"name":"p.17a","namespace":"default"},
             "eventTime":"2024-01-02T03:04:05.000005Z","reportingController":"default-scheduler",
             "action":"Binding","reason":"Scheduled",
             "regarding":{"kind":"Pod","namespace":"default","name":"p"},
             "note":"Successfully assigned default/p to node1","type":"Normal"}"""),

        new Case("an empty typeMeta takes apiVersion and kind from the request",
            Wire.envelope("", "", V1.ConfigMap.newBuilder().setMetadata(goMeta("a2", "")).build()),
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a2"}}"""),

        new Case("a field the schema does not know is dropped and the rest kept",
            Wire.envelope("v1", "ConfigMap", Wire.message()
                .message(1, Wire.message().string(1, "a3")).string(99, "from the future")
                .toByteArray()),
            """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a3"}}"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("objects")
  void decodesToTheJsonKubectlWouldSend(Case c) throws Exception {
    JsonNode decoded = decoder.decode(c.body(), "v1", "ConfigMap");

    assertThat(decoded).isEqualTo(MAPPER.readTree(c.expectedJson()));
  }

  @Test
  void observedConfigMapBytesMatchTheBuildersOutput() {
    byte[] fromBuilders = Wire.envelope("v1", "ConfigMap", V1.ConfigMap.newBuilder()
        .setMetadata(goMeta("a1", "")).putData("k", "v").build());

    assertThat(HexFormat.of().formatHex(fromBuilders)).isEqualTo(
        "6b387300" + "0a0f0a0276311209436f6e6669674d6170" + "121c"
            + "0a12" + "0a026131" + "1200" + "1a00" + "2200" + "2a00" + "3200" + "3800" + "4200"
            + "1206" + "0a016b" + "120176" + "1a00" + "2200");
  }
}
