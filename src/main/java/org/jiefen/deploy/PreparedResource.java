package org.jiefen.deploy;

/**
 * A resource ready to deploy. {@code bytes} are what must be deployed (for BPMN, possibly with
 * task listeners added); {@code sha256hex} is of those bytes, so it identifies the deployed
 * version and tells an unchanged redeploy from a real change.
 */
public record PreparedResource(String name, byte[] bytes, String sha256hex, ModelKind kind) {

  public PreparedResource {
    bytes = bytes.clone();
  }

  /** The hex SHA-256 of any content, as deployments are identified. */
  public static String sha256(byte[] content) {
    return ModelPreparer.sha256(content);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  // The generated methods would compare and print the array by identity.
  @Override
  public boolean equals(Object o) {
    return o instanceof PreparedResource other
        && name.equals(other.name)
        && sha256hex.equals(other.sha256hex)
        && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return sha256hex.hashCode();
  }

  @Override
  public String toString() {
    return "PreparedResource[" + name + ", " + kind + ", " + bytes.length + " bytes, sha256=" + sha256hex + "]";
  }
}
