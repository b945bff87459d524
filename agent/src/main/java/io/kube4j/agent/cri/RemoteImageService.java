package io.kube4j.agent.cri;

import io.grpc.Channel;
import io.kube4j.agent.cri.v1.AuthConfig;
import io.kube4j.agent.cri.v1.Image;
import io.kube4j.agent.cri.v1.ImageFilter;
import io.kube4j.agent.cri.v1.ImageFsInfoRequest;
import io.kube4j.agent.cri.v1.ImageFsInfoResponse;
import io.kube4j.agent.cri.v1.ImageServiceGrpc;
import io.kube4j.agent.cri.v1.ImageServiceGrpc.ImageServiceBlockingStub;
import io.kube4j.agent.cri.v1.ImageSpec;
import io.kube4j.agent.cri.v1.ImageStatusRequest;
import io.kube4j.agent.cri.v1.ListImagesRequest;
import io.kube4j.agent.cri.v1.PodSandboxConfig;
import io.kube4j.agent.cri.v1.PullImageRequest;
import io.kube4j.agent.cri.v1.RemoveImageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * CRI ImageService: which images the node has, pulling and removing them, and the image
 * filesystem's usage, as kubelet's {@code remoteImageService}. Pulls get a deadline of their own:
 * a large image legitimately takes longer than any other call.
 */
public final class RemoteImageService {

  public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(10);

  private final ImageServiceBlockingStub stub;
  private final Duration timeout;
  private final Duration pullTimeout;

  RemoteImageService(Channel channel, Duration timeout, Duration pullTimeout) {
    this.stub = ImageServiceGrpc.newBlockingStub(channel);
    this.timeout = timeout;
    this.pullTimeout = pullTimeout;
  }

  private <T> T call(String method, Duration deadline, Function<ImageServiceBlockingStub, T> rpc) {
    return CriCall.invoke(method, stub, deadline, rpc);
  }

  /** Shorthand for an {@link ImageSpec} naming {@code image} (a reference, a full or short image id). */
  public static ImageSpec spec(String image) {
    return ImageSpec.newBuilder().setImage(image).build();
  }

  /**
   * The image if the node has it. An absent image is an empty answer, not an error, which is how
   * kubelet honours IfNotPresent; ask this before {@link #pullImage}, which always goes to a registry
   * (containerd fails to pull an image that exists only locally).
   */
  public Optional<Image> imageStatus(ImageSpec image) {
    ImageStatusRequest request = ImageStatusRequest.newBuilder().setImage(image).build();
    var response = call("ImageStatus", timeout, s -> s.imageStatus(request));
    return response.hasImage() ? Optional.of(response.getImage()) : Optional.empty();
  }

  /**
   * Pulls {@code image} with registry credentials ({@code auth} may be null: anonymous) and returns
   * the image reference the runtime stored it as (containerd: the image id {@code sha256:...}).
   * {@code sandboxConfig} (may be null) lets a runtime pull per pod (e.g. by runtime handler).
   */
  public String pullImage(ImageSpec image, AuthConfig auth, PodSandboxConfig sandboxConfig) {
    PullImageRequest.Builder request = PullImageRequest.newBuilder().setImage(image);
    if (auth != null) {
      request.setAuth(auth);
    }
    if (sandboxConfig != null) {
      request.setSandboxConfig(sandboxConfig);
    }
    return call("PullImage", pullTimeout, s -> s.pullImage(request.build())).getImageRef();
  }

  public List<Image> listImages(ImageFilter filter) {
    ListImagesRequest.Builder request = ListImagesRequest.newBuilder();
    if (filter != null) {
      request.setFilter(filter);
    }
    return call("ListImages", timeout, s -> s.listImages(request.build())).getImagesList();
  }

  /** Removes the image; removing an absent image succeeds, as CRI requires. */
  public void removeImage(ImageSpec image) {
    call("RemoveImage", timeout, s -> s.removeImage(RemoveImageRequest.newBuilder().setImage(image).build()));
  }

  /** Usage of the filesystems holding images (the snapshotter's mountpoint, bytes and inodes). */
  public ImageFsInfoResponse imageFsInfo() {
    return call("ImageFsInfo", timeout, s -> s.imageFsInfo(ImageFsInfoRequest.getDefaultInstance()));
  }
}
