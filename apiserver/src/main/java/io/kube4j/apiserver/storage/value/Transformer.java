package io.kube4j.apiserver.storage.value;

/**
 * Turns a value into what etcd stores and back ({@code value.Transformer}). {@code context} is the
 * etcd key: authenticated encryption binds a value to its key, so a ciphertext copied under another
 * key does not decrypt.
 */
public interface Transformer {

  byte[] toStorage(byte[] plain, String context);

  byte[] fromStorage(byte[] stored, String context);
}
