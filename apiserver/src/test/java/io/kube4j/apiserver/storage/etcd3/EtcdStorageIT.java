package io.kube4j.apiserver.storage.etcd3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kube4j.apiserver.storage.KeyValue;
import io.kube4j.apiserver.storage.ListResult;
import io.kube4j.apiserver.storage.Storage;
import io.kube4j.apiserver.storage.StorageEvent;
import io.kube4j.apiserver.storage.WriteResult;
import io.kube4j.apiserver.testing.Conditions;
import io.kube4j.apiserver.testing.EtcdProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** EtcdStorage against a real etcd: conditional writes, paging, watches. */
class EtcdStorageIT {

  static EtcdProcess etcd;
  static EtcdStorage storage;

  @BeforeAll
  static void startEtcd() {
    EtcdProcess.assumeAvailable();
    etcd = EtcdProcess.start();
    storage = new EtcdStorage(etcd.endpoints());
  }

  @AfterAll
  static void stopEtcd() {
    if (storage != null) {
      storage.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void createSucceedsOnceThenReportsTheExistingValue() {
    WriteResult first = storage.create("/registry/t1/a", b("one"));
    WriteResult second = storage.create("/registry/t1/a", b("two"));

    assertThat(first).isInstanceOf(WriteResult.Written.class);
    assertThat(second).isInstanceOf(WriteResult.AlreadyExists.class);
    assertThat(new String(storage.get("/registry/t1/a").orElseThrow().value(), StandardCharsets.UTF_8)).isEqualTo("one");
  }

  @Test
  void updateIsCompareAndSwapOnTheModRevision() {
    long rev = ((WriteResult.Written) storage.create("/registry/t2/a", b("v1"))).revision();

    WriteResult stale = storage.update("/registry/t2/a", b("v2"), rev - 1);
    WriteResult fresh = storage.update("/registry/t2/a", b("v2"), rev);
    WriteResult missing = storage.update("/registry/t2/none", b("v2"), rev);

    assertThat(stale).isInstanceOf(WriteResult.Conflict.class);
    assertThat(((WriteResult.Conflict) stale).current().modRevision()).isEqualTo(rev);
    assertThat(fresh).isInstanceOf(WriteResult.Written.class);
    assertThat(missing).isInstanceOf(WriteResult.NotFound.class);
  }

  @Test
  void deleteRequiresTheCurrentRevision() {
    long rev = ((WriteResult.Written) storage.create("/registry/t3/a", b("v1"))).revision();

    assertThat(storage.delete("/registry/t3/a", rev + 100)).isInstanceOf(WriteResult.Conflict.class);
    assertThat(storage.delete("/registry/t3/a", rev)).isInstanceOf(WriteResult.Written.class);
    assertThat(storage.get("/registry/t3/a")).isEmpty();
  }

  @Test
  void listPagesThroughAConsistentSnapshot() {
    for (int i = 0; i < 5; i++) {
      storage.create("/registry/t4/k" + i, b("v" + i));
    }
    ListResult page1 = storage.list("/registry/t4/", "", 0, 2);
    storage.create("/registry/t4/k9", b("late"));
    String next = page1.items().get(1).key() + "\0";
    ListResult page2 = storage.list("/registry/t4/", next, page1.revision(), 0);

    assertThat(page1.items()).extracting(KeyValue::key).containsExactly("/registry/t4/k0", "/registry/t4/k1");
    assertThat(page1.more()).isTrue();
    assertThat(page1.remaining()).isEqualTo(3);
    assertThat(page2.items()).extracting(KeyValue::key)
        .containsExactly("/registry/t4/k2", "/registry/t4/k3", "/registry/t4/k4");
  }

  @Test
  void listAtACompactedRevisionFails() {
    long old = ((WriteResult.Written) storage.create("/registry/t5/a", b("v1"))).revision();
    long rev = ((WriteResult.Written) storage.update("/registry/t5/a", b("v2"), old)).revision();
    compact(rev);

    assertThatThrownBy(() -> storage.list("/registry/t5/", "", old, 0))
        .isInstanceOf(Storage.CompactedException.class);
  }

  @Test
  void watchDeliversChangesInOrderWithPreviousValues() {
    long start = storage.currentRevision();
    List<StorageEvent> seen = new CopyOnWriteArrayList<>();
    try (Storage.WatchHandle h = storage.watch("/registry/t6/", start, new Storage.WatchListener() {
      @Override public void onEvent(StorageEvent event) {
        seen.add(event);
      }

      @Override public void onProgress(long revision) {}

      @Override public void onError(Throwable error) {}
    })) {
      long r1 = ((WriteResult.Written) storage.create("/registry/t6/a", b("v1"))).revision();
      long r2 = ((WriteResult.Written) storage.update("/registry/t6/a", b("v2"), r1)).revision();
      storage.delete("/registry/t6/a", r2);

      Conditions.await("three events", Duration.ofSeconds(10), () -> seen.size() == 3);
    }
    assertThat(seen).extracting(StorageEvent::type)
        .containsExactly(StorageEvent.Type.PUT, StorageEvent.Type.PUT, StorageEvent.Type.DELETE);
    assertThat(seen.get(0).isCreate()).isTrue();
    assertThat(seen.get(1).isCreate()).isFalse();
    assertThat(new String(seen.get(1).current().value(), StandardCharsets.UTF_8)).isEqualTo("v2");
    assertThat(seen.get(2).revision()).isGreaterThan(seen.get(1).revision());
  }

  private static void compact(long revision) {
    try (io.etcd.jetcd.Client c = io.etcd.jetcd.Client.builder().endpoints(etcd.clientUrl()).build()) {
      c.getKVClient().compact(revision).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
