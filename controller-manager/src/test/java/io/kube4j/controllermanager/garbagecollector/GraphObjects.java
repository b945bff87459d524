package io.kube4j.controllermanager.garbagecollector;

import java.util.ArrayList;
import java.util.List;

/** Builders of graph events for tests (after upstream's test helpers): objects as a monitor reports them. */
final class GraphObjects {

  private GraphObjects() {}

  /** An object's metadata, built up: {@code configMap("ns", "a").ownedBy(owner).build()}. */
  static final class Meta {
    private final String apiVersion;
    private final String kind;
    private final String namespace;
    private final String name;
    private String uid;
    private final List<OwnerReference> owners = new ArrayList<>();
    private final List<String> finalizers = new ArrayList<>();
    private String deletionTimestamp;

    Meta(String apiVersion, String kind, String namespace, String name) {
      this.apiVersion = apiVersion;
      this.kind = kind;
      this.namespace = namespace;
      this.name = name;
      this.uid = "uid-" + (namespace.isEmpty() ? "" : namespace + "-") + name;
    }

    Meta uid(String u) {
      uid = u;
      return this;
    }

    Meta ownedBy(Meta owner) {
      owners.add(owner.ref(false));
      return this;
    }

    Meta ownedBy(OwnerReference ref) {
      owners.add(ref);
      return this;
    }

    Meta blockingOwner(Meta owner) {
      owners.add(owner.ref(true));
      return this;
    }

    Meta deleting(String... withFinalizers) {
      deletionTimestamp = "2024-01-01T00:00:00Z";
      finalizers.addAll(List.of(withFinalizers));
      return this;
    }

    String uid() {
      return uid;
    }

    OwnerReference ref(boolean block) {
      return new OwnerReference(apiVersion, kind, name, uid, null, block ? Boolean.TRUE : null);
    }

    ObjectReference identity() {
      return new ObjectReference(apiVersion, kind, name, uid, namespace);
    }

    ObjectMetadata build() {
      return new ObjectMetadata(namespace, name, uid, "1", owners, finalizers, deletionTimestamp);
    }

    GraphBuilder.Event added() {
      return new GraphBuilder.Event(GraphBuilder.EventType.ADD, false, build(), null, apiVersion, kind);
    }

    GraphBuilder.Event updatedFrom(Meta old) {
      return new GraphBuilder.Event(GraphBuilder.EventType.UPDATE, false, build(), old.build(), apiVersion, kind);
    }

    GraphBuilder.Event deleted() {
      return new GraphBuilder.Event(GraphBuilder.EventType.DELETE, false, build(), null, apiVersion, kind);
    }
  }

  static Meta configMap(String namespace, String name) {
    return new Meta("v1", "ConfigMap", namespace, name);
  }

  static Meta secret(String namespace, String name) {
    return new Meta("v1", "Secret", namespace, name);
  }

  static Meta clusterRole(String name) {
    return new Meta("rbac.authorization.k8s.io/v1", "ClusterRole", "", name);
  }
}
