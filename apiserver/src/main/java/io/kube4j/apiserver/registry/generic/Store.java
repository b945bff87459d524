package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.WriteResult;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.apiserver.watch.Watcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * The generic CRUD engine for one resource ({@code registry.Store} upstream): create, get, list,
 * watch, update (PUT, PATCH, subresources) and delete over {@link Storage}, with reads at
 * {@code resourceVersion=0} and consistent lists served by the {@link WatchCache}. What is particular
 * to a resource comes from its {@link Strategy}.
 */
public final class Store<T extends HasMetadata> {

  /** How long a consistent read waits for the watch cache before reading etcd instead. */
  private static final Duration CACHE_FRESHNESS_WAIT = Duration.ofSeconds(3);
  /** Characters of generated name suffixes: no vowels, no look-alikes (upstream's {@code utilrand}). */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private final ApiResource resource;
  private final Class<T> type;
  private final Strategy<T> strategy;
  private final Storage storage;
  private final WatchCache cache;
  private final ObjectDecoder<T> decoder;
  private final Codec codec;
  private final Clock clock;
  private final Reservations<T> reservations;

  public Store(ApiResource resource, Class<T> type, Strategy<T> strategy, Storage storage, WatchCache cache, ObjectDecoder<T> decoder, Codec codec, Clock clock,
      Reservations<T> reservations) {
    this.resource = resource;
    this.type = type;
    this.strategy = strategy;
    this.storage = storage;
    this.cache = cache;
    this.decoder = decoder;
    this.codec = codec;
    this.clock = clock;
    this.reservations = reservations;
  }

  public ApiResource resource() {
    return resource;
  }

  public Class<T> type() {
    return type;
  }

  public Strategy<T> strategy() {
    return strategy;
  }

  public WatchCache cache() {
    return cache;
  }

  /**
   * The field names a field selector may use on this resource, learnt by asking the strategy about an
   * empty object; empty when the strategy cannot say (then any field is accepted).
   */
  public Optional<java.util.Set<String>> selectableFieldNames() {
    try {
      T blank = type.getDeclaredConstructor().newInstance();
      blank.setMetadata(new ObjectMeta());
      java.util.Set<String> names = new java.util.HashSet<>(strategy.selectableFields(blank).keySet());
      names.add("metadata.name");
      names.add("metadata.namespace");
      return Optional.of(names);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The object's etcd key: {@code /registry/<resource>/<namespace>/<name>} or without namespace. */
  public String key(String namespace, String name) {
    return resource.namespaced() ? decoder.prefix() + namespace + "/" + name : decoder.prefix() + name;
  }

  // ---- GET ----------------------------------------------------------------------------------

  /** GET: from etcd (a consistent read), or from the cache when {@code resourceVersion} is set. */
  public CachedObject get(String namespace, String name, String resourceVersion) {
    String key = key(namespace, name);
    if (!resourceVersion.isEmpty()) {
      Optional<CachedObject> cached = cache.get(key);
      if (cached.isPresent() || "0".equals(resourceVersion)) {
        return cached.orElseThrow(() -> StatusException.notFound(resource.groupResource(), name));
      }
    }
    return storage.get(key).map(decoder::decode)
        .orElseThrow(() -> StatusException.notFound(resource.groupResource(), name));
  }

  // ---- LIST ---------------------------------------------------------------------------------

  /**
   * LIST, served as upstream's cacher decides: pages ({@code limit}/{@code continue}) and exact
   * revisions come from etcd; everything else from the watch cache, which first catches up with etcd
   * when the client asked for the most recent state.
   */
  public ObjectList list(ListOptions o) {
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
    long revision = parseResourceVersion(rv);
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

  // ---- WATCH --------------------------------------------------------------------------------

  /** WATCH from the cache; {@code resourceVersion} "" or "0" starts with the current state. */
  public WatchCache.Registration watch(ListOptions o, Watcher watcher) {
    long from = parseResourceVersion(o.resourceVersion());
    return cache.watch(from, o.predicate(), watcher);
  }

  // ---- CREATE -------------------------------------------------------------------------------

  /** POST: fills system metadata, defaults, validates, writes if absent ({@code rest.BeforeCreate}). */
  public T create(String namespace, T obj, boolean dryRun) {
    ObjectMeta meta = metadataOf(obj);
    bindNamespace(namespace, meta);
    if (meta.getResourceVersion() != null && !meta.getResourceVersion().isEmpty()) {
      throw StatusException.badRequest("resourceVersion should not be set on objects to be created");
    }
    if ((meta.getName() == null || meta.getName().isEmpty())
        && meta.getGenerateName() != null && !meta.getGenerateName().isEmpty()) {
      meta.setName(generateName(meta.getGenerateName()));
    }
    meta.setUid(UUID.randomUUID().toString());
    meta.setCreationTimestamp(timestamp(clock.instant()));
    meta.setDeletionTimestamp(null);
    meta.setDeletionGracePeriodSeconds(null);
    meta.setGeneration(null);
    strategy.applyDefaults(obj);
    strategy.prepareForCreate(obj);
    List<FieldError> errors = strategy.validate(obj);
    failIfInvalid(obj, errors);
    String key = key(meta.getNamespace(), meta.getName());
    Runnable undo = reservations.reserve(obj, Optional.empty());
    if (dryRun) {
      undo.run();
      return obj;
    }
    WriteResult r;
    try {
      r = storage.create(key, codec.encode(obj));
    } catch (RuntimeException e) {
      undo.run();
      throw e;
    }
    if (r instanceof WriteResult.Written w) {
      meta.setResourceVersion(Long.toString(w.revision()));
      return obj;
    }
    undo.run();
    throw StatusException.alreadyExists(resource.groupResource(), meta.getName());
  }

  // ---- UPDATE -------------------------------------------------------------------------------

  /** What an update is: the main resource or its status, and how to compute the new object. */
  public enum Target {
    /** The object itself: the strategy's update rules apply. */
    MAIN,
    /** The status subresource: the status strategy keeps everything but status. */
    STATUS,
    /**
     * A subresource whose REST already built the new object from the current one
     * ({@code namespaces/finalize}): only generic metadata rules apply.
     */
    FINALIZE
  }

  /**
   * PUT or PATCH: read, compute the new object from the current one, write with compare-and-swap,
   * and retry on a lost race unless the new object names a resourceVersion (a precondition: then a
   * mismatch is a 409). A write that changes nothing is skipped, keeping {@code resourceVersion}.
   *
   * @param tryUpdate the new object given the current one (a copy the function may change)
   */
  public T update(String namespace, String name, UnaryOperator<T> tryUpdate, Target target, boolean dryRun) {
    String key = key(namespace, name);
    while (true) {
      Optional<KeyValue> current = storage.get(key);
      if (current.isEmpty()) {
        return createOnUpdate(namespace, name, tryUpdate, dryRun);
      }
      KeyValue cur = current.get();
      T old = decoder.decode(cur).objectAs(type);
      T updated = tryUpdate.apply(codec.copy(old));
      ObjectMeta meta = metadataOf(updated);
      checkNameAndNamespace(namespace, name, meta);
      String wantedRv = meta.getResourceVersion();
      boolean precondition = wantedRv != null && !wantedRv.isEmpty();
      if (precondition && !wantedRv.equals(Long.toString(cur.modRevision()))) {
        throw StatusException.staleResourceVersion(resource.groupResource(), name);
      }
      keepSystemMetadata(meta, old.getMetadata());
      // an unconditional update validates as if the client had sent the current version
      meta.setResourceVersion(Long.toString(cur.modRevision()));
      strategy.applyDefaults(updated);
      List<FieldError> errors = new ArrayList<>();
      if (target == Target.STATUS) {
        StatusStrategy<T> s = strategy.statusStrategy().orElseThrow(
            () -> StatusException.notFound(resource.groupResource(), name));
        s.prepareForUpdate(updated, old);
        errors.addAll(s.validateUpdate(updated, old));
      } else if (target == Target.MAIN) {
        strategy.prepareForUpdate(updated, old);
        errors.addAll(strategy.validateUpdate(updated, old));
      }
      failIfInvalid(updated, errors);
      meta.setResourceVersion(null);
      Runnable undo = reservations.reserve(updated, Optional.of(old));
      byte[] bytes = codec.encode(updated);
      if (java.util.Arrays.equals(bytes, cur.value())) {
        undo.run();
        return old;
      }
      if (dryRun) {
        undo.run();
        meta.setResourceVersion(Long.toString(cur.modRevision()));
        return updated;
      }
      if (shouldDeleteDuringUpdate(updated, old)) {
        // The last finalizer is gone from an object being deleted: the deletion completes now.
        WriteResult d = storage.delete(key, cur.modRevision());
        undo.run();
        if (d instanceof WriteResult.Written w) {
          reservations.release(old);
          meta.setResourceVersion(Long.toString(w.revision()));
          return updated;
        }
        continue;
      }
      WriteResult r = storage.update(key, bytes, cur.modRevision());
      if (r instanceof WriteResult.Written w) {
        reservations.afterUpdate(updated, old);
        meta.setResourceVersion(Long.toString(w.revision()));
        return updated;
      }
      undo.run();
      if (r instanceof WriteResult.Conflict && precondition) {
        throw StatusException.staleResourceVersion(resource.groupResource(), name);
      }
      // lost a race with another writer and the caller did not pin a version: read again
    }
  }

  private T createOnUpdate(String namespace, String name, UnaryOperator<T> tryUpdate, boolean dryRun) {
    if (!strategy.allowCreateOnUpdate()) {
      throw StatusException.notFound(resource.groupResource(), name);
    }
    T created = tryUpdate.apply(null);
    ObjectMeta meta = metadataOf(created);
    checkNameAndNamespace(namespace, name, meta);
    meta.setResourceVersion(null);
    return create(namespace, created, dryRun);
  }

  // ---- DELETE -------------------------------------------------------------------------------

  /**
   * DELETE: checks preconditions, then either removes the object, or only marks it
   * ({@code deletionTimestamp}) when finalizers remain or the resource deletes gracefully.
   * Propagation policies Orphan and Foreground are recorded as the finalizers the garbage
   * collector acts on, as upstream's store does.
   */
  public DeleteResult<T> delete(String namespace, String name, DeleteOptions o) {
    String key = key(namespace, name);
    while (true) {
      KeyValue cur = storage.get(key).orElseThrow(() -> StatusException.notFound(resource.groupResource(), name));
      T obj = decoder.decode(cur).objectAs(type);
      ObjectMeta meta = obj.getMetadata();
      checkPreconditions(name, meta, o);
      Deletion<T> what = markForDeletion(codec.copy(obj), o);
      if (what instanceof Deletion.Remove<T>) {
        if (o.dryRun()) {
          return new DeleteResult<>(obj, true);
        }
        WriteResult r = storage.delete(key, cur.modRevision());
        if (r instanceof WriteResult.Written) {
          reservations.release(obj);
          return new DeleteResult<>(obj, true);
        }
        if (r instanceof WriteResult.NotFound) {
          throw StatusException.notFound(resource.groupResource(), name);
        }
        continue;
      }
      if (what instanceof Deletion.Unchanged<T> || o.dryRun()) {
        return new DeleteResult<>(what.object(obj), false);
      }
      T marked = what.object(obj);
      metadataOf(marked).setResourceVersion(null);
      WriteResult r = storage.update(key, codec.encode(marked), cur.modRevision());
      if (r instanceof WriteResult.Written w) {
        metadataOf(marked).setResourceVersion(Long.toString(w.revision()));
        return new DeleteResult<>(marked, false);
      }
      if (r instanceof WriteResult.NotFound) {
        throw StatusException.notFound(resource.groupResource(), name);
      }
    }
  }

  /** What a DELETE does to an object: remove it, mark it (store the marked copy), or nothing. */
  private sealed interface Deletion<T> {
    /** The object to answer with, given the one read. */
    T object(T read);

    record Remove<T>() implements Deletion<T> {
      @Override
      public T object(T read) {
        return read;
      }
    }

    record Mark<T>(T marked) implements Deletion<T> {
      @Override
      public T object(T read) {
        return marked;
      }
    }

    record Unchanged<T>() implements Deletion<T> {
      @Override
      public T object(T read) {
        return read;
      }
    }
  }

  /**
   * How to record this DELETE: propagation policies Orphan and Foreground become the finalizers the
   * garbage collector acts on; finalizers or a grace period mean "mark with deletionTimestamp";
   * neither means "remove now".
   */
  private Deletion<T> markForDeletion(T obj, DeleteOptions o) {
    ObjectMeta meta = obj.getMetadata();
    List<String> finalizers = meta.getFinalizers() == null ? new ArrayList<>() : new ArrayList<>(meta.getFinalizers());
    boolean changed = false;
    String policy = o.propagationPolicy().orElse("");
    if (policy.equals("Orphan") && !finalizers.contains("orphan")) {
      finalizers.add("orphan");
      changed = true;
    } else if (policy.equals("Foreground") && !finalizers.contains("foregroundDeletion")) {
      finalizers.add("foregroundDeletion");
      changed = true;
    }
    long grace = 0;
    if (strategy instanceof GracefulDeleteStrategy<?>) {
      @SuppressWarnings("unchecked")
      GracefulDeleteStrategy<T> g = (GracefulDeleteStrategy<T>) strategy;
      grace = g.gracePeriodSeconds(obj, o.gracePeriodSeconds());
    }
    boolean finalizing = awaitsFinalization(obj);
    if (finalizers.isEmpty() && grace == 0 && !finalizing) {
      return new Deletion.Remove<>();
    }
    meta.setFinalizers(finalizers);
    if (finalizing && meta.getDeletionTimestamp() == null) {
      finalizeStrategy().ifPresent(f -> f.markFinalizing(obj));
    }
    if (meta.getDeletionTimestamp() == null) {
      meta.setDeletionTimestamp(timestamp(clock.instant().plusSeconds(grace)));
      meta.setDeletionGracePeriodSeconds(grace);
      return new Deletion.Mark<>(obj);
    }
    // Already being deleted: only a shorter grace period changes anything.
    Long current = meta.getDeletionGracePeriodSeconds();
    if (current != null && grace < current) {
      if (grace == 0 && finalizers.isEmpty() && !finalizing) {
        return new Deletion.Remove<>();
      }
      meta.setDeletionTimestamp(timestamp(clock.instant().plusSeconds(grace)));
      meta.setDeletionGracePeriodSeconds(grace);
      changed = true;
    }
    return changed ? new Deletion.Mark<>(obj) : new Deletion.Unchanged<>();
  }

  /**
   * An update that removes the last finalizer of an object being deleted completes the deletion
   * ({@code shouldDeleteDuringUpdate} upstream); a graceful deletion still running does not.
   */
  private boolean shouldDeleteDuringUpdate(T updated, T old) {
    ObjectMeta m = updated.getMetadata();
    Long grace = m.getDeletionGracePeriodSeconds();
    boolean wasFinalizing = !isEmpty(old.getMetadata().getFinalizers()) || awaitsFinalization(old);
    return m.getDeletionTimestamp() != null && isEmpty(m.getFinalizers()) && (grace == null || grace == 0)
        && wasFinalizing && !awaitsFinalization(updated);
  }

  @SuppressWarnings("unchecked")
  private Optional<FinalizeStrategy<T>> finalizeStrategy() {
    return strategy instanceof FinalizeStrategy<?> f ? Optional.of((FinalizeStrategy<T>) f) : Optional.empty();
  }

  private boolean awaitsFinalization(T obj) {
    return finalizeStrategy().map(f -> f.awaitsFinalization(obj)).orElse(false);
  }

  private void checkPreconditions(String name, ObjectMeta meta, DeleteOptions o) {
    if (o.preconditionUid().isPresent() && !o.preconditionUid().get().equals(meta.getUid())) {
      throw StatusException.conflict(resource.groupResource(), name, "Precondition failed: UID in precondition: "
          + o.preconditionUid().get() + ", UID in object meta: " + meta.getUid());
    }
    if (o.preconditionResourceVersion().isPresent()
        && !o.preconditionResourceVersion().get().equals(meta.getResourceVersion())) {
      throw StatusException.conflict(resource.groupResource(), name,
          "Precondition failed: ResourceVersion in precondition: " + o.preconditionResourceVersion().get()
              + ", ResourceVersion in object meta: " + meta.getResourceVersion());
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private ObjectMeta metadataOf(T obj) {
    if (obj.getMetadata() == null) {
      obj.setMetadata(new ObjectMeta());
    }
    return obj.getMetadata();
  }

  private void bindNamespace(String namespace, ObjectMeta meta) {
    if (!resource.namespaced()) {
      meta.setNamespace(null);
      return;
    }
    if (meta.getNamespace() != null && !meta.getNamespace().isEmpty() && !meta.getNamespace().equals(namespace)) {
      throw StatusException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.setNamespace(namespace);
  }

  private void checkNameAndNamespace(String namespace, String name, ObjectMeta meta) {
    if (meta.getName() == null || meta.getName().isEmpty()) {
      meta.setName(name);
    } else if (!meta.getName().equals(name)) {
      throw StatusException.badRequest("the name of the object (" + meta.getName()
          + ") does not match the name on the URL (" + name + ")");
    }
    bindNamespace(namespace, meta);
  }

  /** Fields a client cannot change through an update ({@code rest.BeforeUpdate}). */
  private static void keepSystemMetadata(ObjectMeta meta, ObjectMeta old) {
    if (meta.getUid() == null || meta.getUid().isEmpty()) {
      meta.setUid(old.getUid());
    }
    meta.setCreationTimestamp(old.getCreationTimestamp());
    meta.setDeletionTimestamp(old.getDeletionTimestamp());
    meta.setDeletionGracePeriodSeconds(old.getDeletionGracePeriodSeconds());
    meta.setGeneration(old.getGeneration());
    meta.setGenerateName(meta.getGenerateName() == null ? old.getGenerateName() : meta.getGenerateName());
  }

  private void failIfInvalid(T obj, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw StatusException.invalid(resource.groupKind(), obj.getMetadata().getName(), errors);
    }
  }

  private static boolean isEmpty(List<?> l) {
    return l == null || l.isEmpty();
  }

  static String generateName(String base) {
    // upstream: at most 58 characters of the base, then 5 random characters
    String prefix = base.length() > 58 ? base.substring(0, 58) : base;
    StringBuilder s = new StringBuilder(prefix);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      s.append(NAME_ALPHABET.charAt(r.nextInt(NAME_ALPHABET.length())));
    }
    return s.toString();
  }

  /** RFC 3339 with second precision, as {@code metav1.Time} marshals. */
  public static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A resourceVersion query parameter: empty or a non-negative integer, else 400. */
  public static long parseResourceVersion(String rv) {
    if (rv == null || rv.isEmpty()) {
      return 0;
    }
    try {
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw StatusException.badRequest("invalid resource version: " + rv);
    }
  }
}
