package io.kube4j.apiserver.registry.generic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kube4j.apiserver.api.FieldError;
import io.kube4j.apiserver.api.StatusException;
import io.kube4j.apiserver.registry.ApiResource;
import io.kube4j.apiserver.runtime.Codec;
import io.kube4j.apiserver.runtime.ResourceVersionSplice;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.WriteResult;
import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.apiserver.watch.WatchCache;
import io.kube4j.apiserver.watch.Watcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The generic CRUD engine for one resource ({@code registry.Store} upstream): create, get, list,
 * watch, update (PUT, PATCH, subresources) and delete over {@link Storage}, with reads at
 * {@code resourceVersion=0} and consistent lists served by the {@link WatchCache}. What is particular
 * to a resource comes from its {@link Strategy}.
 */
public final class Store<T extends HasMetadata> {


  private final ApiResource resource;
  private final Class<T> type;
  private final Strategy<T> strategy;
  private final Storage storage;
  private final WatchCache cache;
  private final ObjectDecoder<T> decoder;
  private final Codec codec;
  private final Clock clock;
  private final Reservations<T> reservations;
  private final ListReader<T> lists;
  private final DeletionPolicy<T> deletions;

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
    this.lists = new ListReader<>(resource, storage, cache, decoder);
    this.deletions = new DeletionPolicy<>(resource, strategy, clock);
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
    return lists.list(o);
  }

  // ---- WATCH --------------------------------------------------------------------------------

  /** WATCH from the cache; {@code resourceVersion} "" or "0" starts with the current state. */
  public WatchCache.Registration watch(ListOptions o, Watcher watcher) {
    long from = SystemMetadata.parseResourceVersion(o.resourceVersion());
    return cache.watch(from, o.predicate(), watcher);
  }

  // ---- CREATE -------------------------------------------------------------------------------

  /** POST: fills system metadata, defaults, validates, writes if absent ({@code rest.BeforeCreate}). */
  public T create(String namespace, T obj, boolean dryRun) {
    return createEncoded(namespace, obj, dryRun).objectAs(type);
  }

  /**
   * As {@link #create}, answering with the object's JSON as well: the bytes written to etcd with the
   * new resourceVersion stamped in, so the response does not encode the object a second time.
   */
  public CachedObject createEncoded(String namespace, T obj, boolean dryRun) {
    return createEncoded(namespace, obj, dryRun, created -> { });
  }

  /** With {@code createValidation} (validating admission) run on the valid object before it is written. */
  public CachedObject createEncoded(String namespace, T obj, boolean dryRun, Consumer<T> createValidation) {
    ObjectMeta meta = metadataOf(obj);
    bindNamespace(namespace, meta);
    if (meta.getResourceVersion() != null && !meta.getResourceVersion().isEmpty()) {
      throw StatusException.badRequest("resourceVersion should not be set on objects to be created");
    }
    if ((meta.getName() == null || meta.getName().isEmpty())
        && meta.getGenerateName() != null && !meta.getGenerateName().isEmpty()) {
      meta.setName(SystemMetadata.generateName(meta.getGenerateName()));
    }
    meta.setUid(UUID.randomUUID().toString());
    meta.setCreationTimestamp(SystemMetadata.timestamp(clock.instant()));
    meta.setDeletionTimestamp(null);
    meta.setDeletionGracePeriodSeconds(null);
    meta.setGeneration(null);
    strategy.applyDefaults(obj);
    strategy.prepareForCreate(obj);
    List<FieldError> errors = strategy.validate(obj);
    failIfInvalid(obj, errors);
    createValidation.accept(obj);
    String key = key(meta.getNamespace(), meta.getName());
    Runnable undo = reservations.reserve(obj, Optional.empty());
    byte[] bytes = codec.encode(obj);
    if (dryRun) {
      undo.run();
      return new CachedObject(key, 0, obj, bytes, Map.of(), Map.of());
    }
    WriteResult r;
    try {
      r = storage.create(key, bytes);
    } catch (RuntimeException e) {
      undo.run();
      throw e;
    }
    if (r instanceof WriteResult.Written w) {
      meta.setResourceVersion(Long.toString(w.revision()));
      return new CachedObject(key, w.revision(), obj, ResourceVersionSplice.stamp(bytes, w.revision()), Map.of(),
          Map.of());
    }
    undo.run();
    throw StatusException.alreadyExists(resource.groupResource(), meta.getName());
  }

  // ---- UPDATE -------------------------------------------------------------------------------

  /**
   * PUT or PATCH: read, compute the new object from the current one, write with compare-and-swap,
   * and on a lost race read and compute again. A new object that names a resourceVersion other than
   * the stored one is a 409 (a precondition). A write that changes nothing is skipped, keeping
   * {@code resourceVersion}.
   *
   * @param tryUpdate the new object given the current one (a copy the function may change)
   */
  public T update(String namespace, String name, UnaryOperator<T> tryUpdate, UpdateTarget target, boolean dryRun) {
    return update(namespace, name, tryUpdate, target, dryRun, (updated, old) -> { });
  }

  /**
   * As {@link #update(String, String, UnaryOperator, UpdateTarget, boolean)}, calling {@code validation}
   * (the validating admission phase, {@code rest.ValidateObjectUpdateFunc}) with the new and the
   * stored object once the strategy found the new one valid; {@code old} is null when the update
   * creates the object.
   */
  public T update(String namespace, String name, UnaryOperator<T> tryUpdate, UpdateTarget target, boolean dryRun,
      BiConsumer<T, T> validation) {
    String key = key(namespace, name);
    while (true) {
      Optional<KeyValue> current = storage.get(key);
      if (current.isEmpty()) {
        return createOnUpdate(namespace, name, tryUpdate, dryRun, validation);
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
      SystemMetadata.keepSystemMetadata(meta, old.getMetadata());
      // an unconditional update validates as if the client had sent the current version
      meta.setResourceVersion(Long.toString(cur.modRevision()));
      strategy.applyDefaults(updated);
      List<FieldError> errors = new ArrayList<>();
      if (target.equals(UpdateTarget.MAIN)) {
        strategy.prepareForUpdate(updated, old);
        errors.addAll(strategy.validateUpdate(updated, old));
      } else if (!target.prepared()) {
        StatusStrategy<T> s = strategy.subresourceStrategy(target.subresource()).orElseThrow(
            () -> StatusException.notFound(resource.groupResource(), name));
        s.prepareForUpdate(updated, old);
        errors.addAll(s.validateUpdate(updated, old));
      }
      failIfInvalid(updated, errors);
      validation.accept(updated, old);
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
      if (deletions.shouldDeleteDuringUpdate(updated, old)) {
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
      // Lost a race with another writer: read again and recompute. A PATCH (or an admission
      // plugin) builds on the object it was given, so its resourceVersion then names the fresh
      // one; a PUT that pinned an older version fails the check above on the next round (409),
      // as upstream's GuaranteedUpdate does.
    }
  }

  private T createOnUpdate(String namespace, String name, UnaryOperator<T> tryUpdate, boolean dryRun,
      BiConsumer<T, T> validation) {
    if (!strategy.allowCreateOnUpdate()) {
      throw StatusException.notFound(resource.groupResource(), name);
    }
    T created = tryUpdate.apply(null);
    ObjectMeta meta = metadataOf(created);
    checkNameAndNamespace(namespace, name, meta);
    meta.setResourceVersion(null);
    return createEncoded(namespace, created, dryRun, c -> validation.accept(c, null)).objectAs(type);
  }

  // ---- DELETE -------------------------------------------------------------------------------

  /**
   * DELETE: checks preconditions, then either removes the object, or only marks it
   * ({@code deletionTimestamp}) when finalizers remain or the resource deletes gracefully.
   * Propagation policies Orphan and Foreground are recorded as the finalizers the garbage
   * collector acts on, as upstream's store does.
   */
  public DeleteResult<T> delete(String namespace, String name, DeleteOptions o) {
    return delete(namespace, name, o, current -> { });
  }

  /** With {@code deleteValidation} (validating admission) run on the stored object once preconditions hold. */
  public DeleteResult<T> delete(String namespace, String name, DeleteOptions o, Consumer<T> deleteValidation) {
    String key = key(namespace, name);
    while (true) {
      KeyValue cur = storage.get(key).orElseThrow(() -> StatusException.notFound(resource.groupResource(), name));
      T obj = decoder.decode(cur).objectAs(type);
      ObjectMeta meta = obj.getMetadata();
      deletions.checkPreconditions(name, meta, o);
      deleteValidation.accept(obj);
      DeletionPolicy.Deletion<T> what = deletions.markForDeletion(codec.copy(obj), o);
      if (what instanceof DeletionPolicy.Deletion.Remove<T>) {
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
      if (what instanceof DeletionPolicy.Deletion.Unchanged<T> || o.dryRun()) {
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

  private void failIfInvalid(T obj, List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw StatusException.invalid(resource.groupKind(), obj.getMetadata().getName(), errors);
    }
  }

}
