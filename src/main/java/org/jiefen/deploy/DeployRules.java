package org.jiefen.deploy;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Placeholder until the rules land: no findings. */
@Component
public class DeployRules {
  public List<Finding> check(PreparedResource resource, Collection<PreparedResource> sameDeployment) {
    return List.of();
  }
}
