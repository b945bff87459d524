package io.kube4j.apiserver.storage.value;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * The ciphers of the providers, each with upstream's layout after the prefix: aescbc = 16-byte IV +
 * AES-CBC/PKCS#7; aesgcm = 12-byte nonce + AES-GCM (the etcd key as additional data); secretbox =
 * 24-byte nonce + NaCl secretbox (XSalsa20-Poly1305).
 */
final class Providers {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Providers() {}

  static Transformer aescbc(byte[] key) {
    SecretKeySpec k = new SecretKeySpec(key, "AES");
    return new Transformer() {
      @Override
      public byte[] toStorage(byte[] plain, String context) {
        byte[] iv = random(16);
        byte[] sealed = crypt("AES/CBC/PKCS5Padding", Cipher.ENCRYPT_MODE, k, new IvParameterSpec(iv), plain, null);
        return concat(iv, sealed);
      }

      @Override
      public byte[] fromStorage(byte[] stored, String context) {
        if (stored.length < 16) {
          throw new IllegalStateException("the stored data was shorter than the required block size");
        }
        return crypt("AES/CBC/PKCS5Padding", Cipher.DECRYPT_MODE, k, new IvParameterSpec(stored, 0, 16),
            java.util.Arrays.copyOfRange(stored, 16, stored.length), null);
      }
    };
  }

  static Transformer aesgcm(byte[] key) {
    SecretKeySpec k = new SecretKeySpec(key, "AES");
    return new Transformer() {
      @Override
      public byte[] toStorage(byte[] plain, String context) {
        byte[] nonce = random(12);
        byte[] sealed = crypt("AES/GCM/NoPadding", Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(128, nonce), plain,
            context.getBytes(StandardCharsets.UTF_8));
        return concat(nonce, sealed);
      }

      @Override
      public byte[] fromStorage(byte[] stored, String context) {
        if (stored.length < 12) {
          throw new IllegalStateException("the stored data was shorter than the required size");
        }
        return crypt("AES/GCM/NoPadding", Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, stored, 0, 12),
            java.util.Arrays.copyOfRange(stored, 12, stored.length), context.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  /** NaCl secretbox: XSalsa20 keystream, its first 32 bytes key Poly1305 over the ciphertext. */
  static Transformer secretbox(byte[] key) {
    return new Transformer() {
      @Override
      public byte[] toStorage(byte[] plain, String context) {
        byte[] nonce = random(24);
        byte[] stream = keystream(key, nonce, 32 + plain.length);
        byte[] cipher = new byte[plain.length];
        for (int i = 0; i < plain.length; i++) {
          cipher[i] = (byte) (plain[i] ^ stream[32 + i]);
        }
        byte[] tag = poly1305(java.util.Arrays.copyOf(stream, 32), cipher);
        return concat(nonce, concat(tag, cipher));
      }

      @Override
      public byte[] fromStorage(byte[] stored, String context) {
        if (stored.length < 24 + 16) {
          throw new IllegalStateException("the stored data was shorter than the required size");
        }
        byte[] nonce = java.util.Arrays.copyOf(stored, 24);
        byte[] tag = java.util.Arrays.copyOfRange(stored, 24, 40);
        byte[] cipher = java.util.Arrays.copyOfRange(stored, 40, stored.length);
        byte[] stream = keystream(key, nonce, 32 + cipher.length);
        if (!java.security.MessageDigest.isEqual(tag, poly1305(java.util.Arrays.copyOf(stream, 32), cipher))) {
          throw new IllegalStateException("could not decrypt: the secretbox authenticator did not match");
        }
        byte[] plain = new byte[cipher.length];
        for (int i = 0; i < cipher.length; i++) {
          plain[i] = (byte) (cipher[i] ^ stream[32 + i]);
        }
        return plain;
      }
    };
  }

  private static byte[] keystream(byte[] key, byte[] nonce, int length) {
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    byte[] out = new byte[length];
    engine.processBytes(new byte[length], 0, length, out, 0);
    return out;
  }

  private static byte[] poly1305(byte[] key, byte[] message) {
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] tag = new byte[16];
    mac.doFinal(tag, 0);
    return tag;
  }

  private static byte[] crypt(String transformation, int mode, SecretKeySpec key,
      java.security.spec.AlgorithmParameterSpec params, byte[] input, byte[] aad) {
    try {
      Cipher c = Cipher.getInstance(transformation);
      c.init(mode, key, params);
      if (aad != null) {
        c.updateAAD(aad);
      }
      return c.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }
}
