package io.kube4j.apiserver.storage.etcd3;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;

import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.StorageEvent;
import io.kube4j.apiserver.storage.WriteResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link Storage} on etcd v3. Thread safe; one jetcd client (one gRPC connection) per instance. */
public final class EtcdStorage implements Storage {

  /** Upstream's etcd request timeout for a single call is generous; a stuck etcd must not hang requests. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final Client client;
  private final KV kv;
  private final Watch watchClient;

  public EtcdStorage(List<String> endpoints) {
    this.client = Client.builder()
        .endpoints(endpoints.toArray(String[]::new))
        .connectTimeout(Duration.ofSeconds(5))
        // big lists (10,000 pods) come back in one range response
        .maxInboundMessageSize(256 * 1024 * 1024)
        .build();
    this.kv = client.getKVClient();
    this.watchClient = client.getWatchClient();
  }

  @Override
  public Optional<KeyValue> get(String key) {
    GetResponse r = await(kv.get(bytes(key)));
    return r.getKvs().isEmpty() ? Optional.empty() : Optional.of(convert(r.getKvs().get(0)));
  }

  @Override
  public ListResult list(String prefix, String startKey, long revision, long limit) {
    String from = startKey.isEmpty() ? prefix : startKey;
    GetOption.Builder opt = GetOption.builder()
        .withRange(bytes(prefixEnd(prefix)))
        .withSortField(GetOption.SortTarget.KEY)
        .withSortOrder(GetOption.SortOrder.ASCEND);
    if (revision > 0) {
      opt.withRevision(revision);
    }
    if (limit > 0) {
      opt.withLimit(limit);
    }
    GetResponse r = await(kv.get(bytes(from), opt.build()));
    List<KeyValue> items = new ArrayList<>(r.getKvs().size());
    for (io.etcd.jetcd.KeyValue e : r.getKvs()) {
      items.add(convert(e));
    }
    long remaining = Math.max(0, r.getCount() - items.size());
    return new ListResult(items, r.getHeader().getRevision(), r.isMore(), remaining);
  }

  @Override
  public WriteResult create(String key, byte[] value) {
    ByteSequence k = bytes(key);
    TxnResponse r = await(kv.txn()
        .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
        .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
        .Else(Op.get(k, GetOption.DEFAULT))
        .commit());
    if (r.isSucceeded()) {
      return new WriteResult.Written(r.getHeader().getRevision());
    }
    return new WriteResult.AlreadyExists(firstOf(r).orElseThrow());
  }

  @Override
  public WriteResult update(String key, byte[] value, long expectedModRevision) {
    ByteSequence k = bytes(key);
    TxnResponse r = await(kv.txn()
        .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
        .Then(Op.put(k, ByteSequence.from(value), PutOption.DEFAULT))
        .Else(Op.get(k, GetOption.DEFAULT))
        .commit());
    if (r.isSucceeded()) {
      return new WriteResult.Written(r.getHeader().getRevision());
    }
    return firstOf(r).<WriteResult>map(WriteResult.Conflict::new).orElseGet(WriteResult.NotFound::new);
  }

  @Override
  public WriteResult delete(String key, long expectedModRevision) {
    ByteSequence k = bytes(key);
    TxnResponse r = await(kv.txn()
        .If(new Cmp(k, Cmp.Op.EQUAL, CmpTarget.modRevision(expectedModRevision)))
        .Then(Op.delete(k, DeleteOption.DEFAULT))
        .Else(Op.get(k, GetOption.DEFAULT))
        .commit());
    if (r.isSucceeded()) {
      return new WriteResult.Written(r.getHeader().getRevision());
    }
    return firstOf(r).<WriteResult>map(WriteResult.Conflict::new).orElseGet(WriteResult.NotFound::new);
  }

  @Override
  public long currentRevision() {
    // A count-only read of one key is the cheapest linearizable way to learn the revision.
    GetResponse r = await(kv.get(bytes("/registry/"), GetOption.builder().withCountOnly(true).build()));
    return r.getHeader().getRevision();
  }

  @Override
  public WatchHandle watch(String prefix, long afterRevision, WatchListener listener) {
    WatchOption opt = WatchOption.builder()
        .isPrefix(true)
        .withRevision(afterRevision + 1)
        .withProgressNotify(true)
        .build();
    Watch.Watcher w = watchClient.watch(bytes(prefix), opt, Watch.listener(
        response -> {
          if (response.getEvents().isEmpty()) {
            listener.onProgress(response.getHeader().getRevision());
            return;
          }
          for (WatchEvent e : response.getEvents()) {
            listener.onEvent(convert(e));
          }
        },
        error -> listener.onError(error instanceof io.etcd.jetcd.common.exception.CompactedException c
            ? new Storage.CompactedException(c.getCompactedRevision()) : error)));
    return w::close;
  }

  @Override
  public void requestProgress() {
    watchClient.requestProgress();
  }

  @Override
  public void close() {
    client.close();
  }

  private static StorageEvent convert(WatchEvent e) {
    KeyValue current = convert(e.getKeyValue());
    StorageEvent.Type type = e.getEventType() == WatchEvent.EventType.DELETE
        ? StorageEvent.Type.DELETE : StorageEvent.Type.PUT;
    return new StorageEvent(type, current);
  }

  private static KeyValue convert(io.etcd.jetcd.KeyValue kv) {
    return new KeyValue(kv.getKey().toString(StandardCharsets.UTF_8), kv.getValue().getBytes(),
        kv.getModRevision(), kv.getCreateRevision());
  }

  private static Optional<KeyValue> firstOf(TxnResponse r) {
    return r.getGetResponses().stream()
        .flatMap(g -> g.getKvs().stream())
        .findFirst()
        .map(EtcdStorage::convert);
  }

  private static ByteSequence bytes(String s) {
    return ByteSequence.from(s, StandardCharsets.UTF_8);
  }

  /** The smallest key greater than every key with this prefix (etcd's range end for a prefix). */
  static String prefixEnd(String prefix) {
    char[] c = prefix.toCharArray();
    c[c.length - 1]++;
    return new String(c);
  }

  /** jetcd futures are unwrapped here and only here. */
  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for etcd", e);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new StorageUnavailableException("etcd did not answer within " + REQUEST_TIMEOUT, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof io.etcd.jetcd.common.exception.CompactedException c) {
        throw new Storage.CompactedException(c.getCompactedRevision());
      }
      if (cause != null && String.valueOf(cause.getMessage()).contains("required revision has been compacted")) {
        throw new Storage.CompactedException(0);
      }
      throw new StorageUnavailableException("etcd request failed: " + cause, cause);
    }
  }
}
