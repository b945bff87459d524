package io.kube4j.apiserver.storage.value;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The providers of one resource, in configured order ({@code value.NewPrefixTransformers}): the
 * first writes every value; a value is read by the provider whose prefix it starts with. Identity
 * has no prefix and so reads anything no other provider claims, which is how a cluster moves to
 * encryption: old plaintext still reads, and every rewrite encrypts.
 */
public final class PrefixTransformers implements Transformer {

  /** One provider: the prefix it writes and reads, and its cipher. */
  public record Provider(String prefix, Transformer transformer) {

    public static final Provider IDENTITY = new Provider("", new Transformer() {
      @Override
      public byte[] toStorage(byte[] plain, String context) {
        return plain;
      }

      @Override
      public byte[] fromStorage(byte[] stored, String context) {
        return stored;
      }
    });
  }

  private final List<Provider> providers;

  public PrefixTransformers(List<Provider> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one provider is required");
    }
    this.providers = List.copyOf(providers);
  }

  @Override
  public byte[] toStorage(byte[] plain, String context) {
    Provider first = providers.get(0);
    return Providers.concat(first.prefix().getBytes(StandardCharsets.UTF_8),
        first.transformer().toStorage(plain, context));
  }

  @Override
  public byte[] fromStorage(byte[] stored, String context) {
    for (Provider p : providers) {
      byte[] prefix = p.prefix().getBytes(StandardCharsets.UTF_8);
      if (startsWith(stored, prefix)) {
        return p.transformer().fromStorage(Arrays.copyOfRange(stored, prefix.length, stored.length), context);
      }
    }
    throw new IllegalStateException("no matching prefix found");
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }
}
