package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * LIST for one resource ({@code cacher.GetList} + {@code etcd3.store.GetList} upstream): decides
 * whether the watch cache or etcd answers, and pages through etcd on one snapshot.
 */
final class ListReader<T extends HasMetadata> {

  /** How long a consistent read waits for the watch cache before reading etcd instead. */
  private static final Duration CACHE_FRESHNESS_WAIT = Duration.ofSeconds(3);

  private final ApiResource resource;
  private final Storage storage;
  private final WatchCache cache;
  private final ObjectDecoder<T> decoder;

  ListReader(ApiResource resource, Storage storage, WatchCache cache, ObjectDecoder<T> decoder) {
    this.resource = resource;
    this.storage = storage;
    this.cache = cache;
    this.decoder = decoder;
  }

  /**
   * LIST, served as upstream's cacher decides: pages ({@code limit}/{@code continue}) and exact
   * revisions come from etcd; everything else from the watch cache, which first catches up with etcd
   * when the client asked for the most recent state.
   */
  ObjectList list(ListOptions o) {
    String rv = o.resourceVersion();
    String match = o.resourceVersionMatch();
    if (!match.isEmpty() && rv.isEmpty()) {
      throw StatusException.badRequest("resourceVersionMatch is forbidden unless resourceVersion is provided");
    }
    if (!match.isEmpty() && !match.equals("NotOlderThan") && !match.equals("Exact")) {
      throw StatusException.badRequest("resourceVersionMatch: Unsupported value: \"" + match
          + "\": supported values: \"Exact\", \"NotOlderThan\"");
    }
    if (!o.continueToken().isEmpty()) {
      if (!rv.isEmpty() && !"0".equals(rv)) {
        throw StatusException.badRequest("specifying resource version is not allowed when using continue");
      }
      ContinueToken token = ContinueToken.decode(o.continueToken());
      return listFromEtcd(o, token.revision(), decoder.prefix() + token.startKey(), true);
    }
    long revision = SystemMetadata.parseResourceVersion(rv);
    if (match.equals("Exact")) {
      return listFromEtcd(o, revision, "", false);
    }
    if (rv.isEmpty() && o.limit() > 0) {
      return listFromEtcd(o, 0, "", false);
    }
    long wanted = rv.isEmpty() ? storage.currentRevision() : revision;
    try {
      cache.waitUntilFresh(wanted, CACHE_FRESHNESS_WAIT);
    } catch (TimeoutException e) {
      if (!rv.isEmpty() && !"0".equals(rv)) {
        throw StatusException.timeout("Too large resource version: " + revision
            + ", current: " + cache.resourceVersion());
      }
      return listFromEtcd(o, 0, "", false);
    }
    WatchCache.Snapshot s = cache.list(o.predicate());
    return new ObjectList(s.items(), s.resourceVersion(), "", 0);
  }

  private String prefixFor(ListOptions o) {
    String ns = o.predicate().namespace();
    return resource.namespaced() && !ns.isEmpty() ? decoder.prefix() + ns + "/" : decoder.prefix();
  }

  /** Reads pages from etcd until {@code limit} matching objects are found or keys run out. */
  private ObjectList listFromEtcd(ListOptions o, long revision, String startKey, boolean continuing) {
    String prefix = prefixFor(o);
    List<CachedObject> items = new ArrayList<>();
    long atRevision = revision;
    String from = startKey;
    while (true) {
      ListResult page;
      try {
        long want = o.limit() == 0 ? 0 : Math.max(o.limit() - items.size(), 1);
        page = storage.list(prefix, from, atRevision, want);
      } catch (Storage.CompactedException e) {
        if (continuing) {
          throw StatusException.expiredContinue();
        }
        throw StatusException.tooOldResourceVersion(atRevision, e.compactRevision());
      }
      if (atRevision == 0) {
        // the first page fixes the snapshot; etcd reports its current revision on later pages
        atRevision = page.revision();
      }
      for (KeyValue kv : page.items()) {
        CachedObject c = decoder.decode(kv);
        if (o.predicate().matches(c)) {
          items.add(c);
        }
      }
      if (!page.more()) {
        return new ObjectList(items, atRevision, "", 0);
      }
      String last = page.items().get(page.items().size() - 1).key();
      from = last + "\0";
      if (o.limit() > 0 && items.size() >= o.limit()) {
        String relative = from.substring(decoder.prefix().length());
        return new ObjectList(items, atRevision, new ContinueToken(atRevision, relative).encode(),
            page.remaining());
      }
    }
  }
}
