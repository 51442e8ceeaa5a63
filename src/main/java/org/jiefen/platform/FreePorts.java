package org.jiefen.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Port 0 for the embedded engine or the local SMTP server means "any free port": it is chosen
 * before the beans that connect to it (Camunda client, mail sender) read their settings.
 */
public class FreePorts implements EnvironmentPostProcessor {

  private static final String[] PORTS = {"jiefen.engine.port", "jiefen.mail.port"};

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> chosen = new HashMap<>();
    for (String property : PORTS) {
      if ("0".equals(environment.getProperty(property))) {
        chosen.put(property, freePort());
      }
    }
    if (!chosen.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("jiefen-free-ports", chosen));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
