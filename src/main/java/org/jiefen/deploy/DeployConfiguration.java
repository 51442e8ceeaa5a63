package org.jiefen.deploy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class DeployConfiguration {

  @Bean
  ModelPreparer modelPreparer(@Value("${jiefen.deploy.max-model-size:2MB}") DataSize maxModelSize) {
    return new ModelPreparer(maxModelSize.toBytes());
  }
}
