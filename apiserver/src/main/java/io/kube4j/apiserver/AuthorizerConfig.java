package io.kube4j.apiserver;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.apiserver.authorization.AlwaysAllow;
import io.kube4j.apiserver.authorization.AuthorizationResult;
import io.kube4j.apiserver.authorization.Authorizer;
import io.kube4j.apiserver.authorization.AuthorizerChain;
import io.kube4j.apiserver.authorization.RuleResolver;
import io.kube4j.apiserver.authorization.node.NodeAuthorizer;
import io.kube4j.apiserver.authorization.rbac.CachedPolicySource;
import io.kube4j.apiserver.authorization.rbac.RbacAuthorizer;
import io.kube4j.apiserver.authorization.rbac.RuleMatching;
import io.kube4j.apiserver.authorization.rbac.aggregation.ClusterRoleAggregator;
import io.kube4j.apiserver.authorization.rbac.bootstrappolicy.BootstrapPolicy;
import io.kube4j.apiserver.authorization.rbac.bootstrappolicy.PolicyReconciler;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kube4j.apiserver.authorization.node.NodeGraph;
import io.kube4j.apiserver.registry.generic.Store;
import io.kube4j.apiserver.registry.rbac.EscalationCheck;
import io.kube4j.apiserver.watch.CacheInformer;
import io.kube4j.apiserver.watch.WatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the authorizer of {@code --authorization-mode} from the apiserver's stores
 * ({@code pkg/kubeapiserver/authorizer} upstream): each mode in order, the first to allow or deny
 * decides.
 */
final class AuthorizerConfig {

  private final ApiServer server;
  private static final String RBAC = "rbac.authorization.k8s.io";

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<RuleResolver> ruleResolvers = new ArrayList<>();
  private RbacAuthorizer rbac;

  AuthorizerConfig(ApiServer server) {
    this.server = server;
  }

  Authorizer build(List<String> modes) {
    List<Authorizer> chain = new ArrayList<>();
    for (String mode : modes) {
      chain.add(switch (mode) {
        case "AlwaysAllow" -> new AlwaysAllow();
        case "AlwaysDeny" -> a -> AuthorizationResult.deny("");
        case "Node" -> node();
        case "RBAC" -> rbac();
        default -> throw new IllegalArgumentException("unknown authorization mode \"" + mode + "\"");
      });
    }
    return new AuthorizerChain(chain);
  }

  /** The node authorizer, its graph fed by the pods watch cache. */
  private Authorizer node() {
    Store<PersistentVolumeClaim> claims = server.store("", "persistentvolumeclaims");
    Store<PersistentVolume> volumes = server.store("", "persistentvolumes");
    NodeGraph graph = new NodeGraph(
        (ns, name) -> claims.cache().get(claims.key(ns, name)).map(c -> c.objectAs(PersistentVolumeClaim.class)),
        name -> volumes.cache().get(volumes.key("", name)).map(c -> c.objectAs(PersistentVolume.class)));
    Store<Pod> pods = server.store("", "pods");
    started.add(new CacheInformer(pods.cache(), e -> {
      Pod pod = e.object().objectAs(Pod.class);
      graph.podChanged(pod.getMetadata().getNamespace(), pod.getMetadata().getName(),
          e.type() == WatchEvent.Type.DELETED ? Optional.empty() : Optional.of(pod));
    }, graph::reset).start());
    List<PolicyRule> nodeRules = BootstrapPolicy.nodeRules();
    return new NodeAuthorizer(graph, a -> nodeRules.stream().anyMatch(r -> RuleMatching.allows(a, r))
        ? AuthorizationResult.allow("") : AuthorizationResult.NO_OPINION);
  }

  /**
   * RBAC over indexes of the four RBAC caches, after the default roles are reconciled; an aggregator
   * keeps admin, edit and view current.
   */
  private Authorizer rbac() {
    Store<ClusterRole> clusterRoles = server.store(RBAC, "clusterroles");
    new PolicyReconciler(clusterRoles, server.store(RBAC, "clusterrolebindings")).reconcile();
    CachedPolicySource policy = new CachedPolicySource(server.store(RBAC, "roles").cache(), clusterRoles.cache(),
        server.store(RBAC, "rolebindings").cache(), server.store(RBAC, "clusterrolebindings").cache());
    started.add(policy);
    started.add(new ClusterRoleAggregator(clusterRoles).start());
    try {
      policy.awaitSynced(java.time.Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading RBAC policy", e);
    }
    RbacAuthorizer rbac = new RbacAuthorizer(policy);
    ruleResolvers.add(rbac);
    this.rbac = rbac;
    return rbac;
  }

  /** RBAC's escalation check for writes of roles and bindings, when RBAC is a mode. */
  java.util.Optional<EscalationCheck> escalationCheck(Authorizer chain) {
    return java.util.Optional.ofNullable(rbac).map(r -> new EscalationCheck(chain, ruleResolvers, r::rules));
  }

  /** What SelfSubjectRulesReview lists: the rules of every mode that can list them. */
  List<RuleResolver> ruleResolvers() {
    return ruleResolvers;
  }

  /** Stops what the authorizers watch. */
  void close() {
    for (AutoCloseable c : started) {
      try {
        c.close();
      } catch (Exception e) {
        // closing an informer cannot fail in a way worth reporting at shutdown
      }
    }
  }
}
