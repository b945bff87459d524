package io.kube4j.pki;

import io.kube4j.pki.cert.AltNames;
import io.kube4j.pki.cert.CertConfig;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;

/**
 * The certificates every cluster has, one line each, as kubeadm's {@code certlist.go}. The
 * subjects are the identities the apiserver's x509 authenticator derives (user = CN, groups = O),
 * and match kubeadm's so that RBAC's default bindings apply to them.
 */
record ClusterCertificate(String name, Function<ClusterPkiOptions, CertConfig> config) {

  static List<ClusterCertificate> all() {
    return List.of(
        new ClusterCertificate(ClusterPki.API_SERVER,
            options -> CertConfig.server("kube-apiserver", apiServerAltNames(options))),
        new ClusterCertificate(ClusterPki.ADMIN,
            options -> CertConfig.client("kubernetes-admin", List.of("system:masters"))),
        new ClusterCertificate(ClusterPki.SCHEDULER,
            options -> CertConfig.client("system:kube-scheduler", List.of())),
        new ClusterCertificate(ClusterPki.CONTROLLER_MANAGER,
            options -> CertConfig.client("system:kube-controller-manager", List.of())),
        new ClusterCertificate(ClusterPki.API_SERVER_KUBELET_CLIENT,
            options -> CertConfig.client("kube-apiserver-kubelet-client", List.of("system:masters"))));
  }

  CertConfig config(ClusterPkiOptions options) {
    return config.apply(options);
  }

  /** The Node authorizer recognises nodes by exactly this user name and group. */
  static CertConfig node(String nodeName) {
    return CertConfig.client("system:node:" + nodeName, List.of("system:nodes"));
  }

  /**
   * Every name clients use for the apiserver: loopback for kubectl on this machine, the in-cluster
   * names and the first service IP for pods (the {@code kubernetes} Service), the host name for
   * other machines, then whatever the caller adds (e.g. the advertise address).
   */
  static AltNames apiServerAltNames(ClusterPkiOptions options) {
    List<String> dns = List.of("localhost", "kubernetes", "kubernetes.default", "kubernetes.default.svc",
        "kubernetes.default.svc.cluster.local", options.hostName());
    List<InetAddress> ips = List.of(ClusterPkiOptions.literal("127.0.0.1"), ClusterPkiOptions.literal("::1"),
        options.serviceIp());
    return new AltNames(dns, ips).plus(options.extraApiServerNames());
  }
}
