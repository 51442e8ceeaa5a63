package org.jiefen.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class Models {

  private Models() {}

  static byte[] fixture(String file) {
    try (InputStream in = Models.class.getResourceAsStream("/models/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
