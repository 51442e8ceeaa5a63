package org.jiefen.search;

import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Local mode: begins starting the Elasticsearch node before the application context refreshes,
 * and registers it as the {@code localElasticsearch} bean. The node takes longer to boot than
 * everything else, so starting it first, in the background, is what keeps a cold start short.
 * (Prepared, not environment-prepared: test properties are in the environment by then.)
 */
public class EarlyElasticsearchStart implements ApplicationListener<ApplicationPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    var context = event.getApplicationContext();
    ConfigurableEnvironment environment = context.getEnvironment();
    if (!"local".equals(environment.getProperty("jiefen.mode", "local"))
        || context.getBeanFactory().containsSingleton("localElasticsearch")) {
      return;
    }
    ElasticsearchProperties properties =
        Binder.get(environment).bindOrCreate("jiefen.elasticsearch", ElasticsearchProperties.class);
    Path dataDir = Path.of(environment.getProperty("jiefen.data-dir", "./data")).toAbsolutePath().normalize();
    LocalElasticsearch node = LocalElasticsearch.forApp(properties, dataDir);
    node.startAsync();
    context.getBeanFactory().registerSingleton("localElasticsearch", node);
  }
}
