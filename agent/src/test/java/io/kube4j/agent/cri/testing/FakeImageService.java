package io.kube4j.agent.cri.testing;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.kube4j.agent.cri.v1.*;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory CRI ImageService, after {@code k8s.io/cri-api/pkg/apis/testing/fake_image_service.go}:
 * images by reference; a pull of a reference listed in {@link #pullable} adds it, any other pull
 * fails as containerd's does for an unknown image.
 */
public final class FakeImageService extends ImageServiceGrpc.ImageServiceImplBase {

  public final Map<String, Image> images = new ConcurrentHashMap<>();
  public final Set<String> pullable = ConcurrentHashMap.newKeySet();
  public final List<Object> requests = new CopyOnWriteArrayList<>();

  public void add(String ref) {
    String id = "sha256:" + String.format("%064x", ref.hashCode() & 0xffffffffL);
    images.put(ref, Image.newBuilder().setId(id).addRepoTags(ref).setSize(1024).build());
  }

  @Override
  public void imageStatus(ImageStatusRequest request, StreamObserver<ImageStatusResponse> o) {
    requests.add(request);
    Image image = images.get(request.getImage().getImage());
    ImageStatusResponse.Builder response = ImageStatusResponse.newBuilder();
    if (image != null) {
      response.setImage(image);
    }
    o.onNext(response.build());
    o.onCompleted();
  }

  @Override
  public void pullImage(PullImageRequest request, StreamObserver<PullImageResponse> o) {
    requests.add(request);
    String ref = request.getImage().getImage();
    if (!pullable.contains(ref)) {
      o.onError(Status.UNKNOWN.withDescription("failed to pull and unpack image \"" + ref
          + "\": failed to resolve reference \"" + ref + "\": not found").asRuntimeException());
      return;
    }
    add(ref);
    o.onNext(PullImageResponse.newBuilder().setImageRef(images.get(ref).getId()).build());
    o.onCompleted();
  }

  @Override
  public void listImages(ListImagesRequest request, StreamObserver<ListImagesResponse> o) {
    requests.add(request);
    String only = request.getFilter().getImage().getImage();
    o.onNext(ListImagesResponse.newBuilder().addAllImages(images.entrySet().stream()
        .filter(e -> only.isEmpty() || e.getKey().equals(only)).map(Map.Entry::getValue).toList()).build());
    o.onCompleted();
  }

  @Override
  public void removeImage(RemoveImageRequest request, StreamObserver<RemoveImageResponse> o) {
    requests.add(request);
    images.remove(request.getImage().getImage());
    o.onNext(RemoveImageResponse.getDefaultInstance());
    o.onCompleted();
  }

  @Override
  public void imageFsInfo(ImageFsInfoRequest request, StreamObserver<ImageFsInfoResponse> o) {
    requests.add(request);
    o.onNext(ImageFsInfoResponse.newBuilder().addImageFilesystems(FilesystemUsage.newBuilder()
        .setFsId(FilesystemIdentifier.newBuilder().setMountpoint("/fake/overlayfs"))
        .setUsedBytes(UInt64Value.newBuilder().setValue(images.size() * 1024L))).build());
    o.onCompleted();
  }
}
