package org.jiefen.mail;

import java.util.List;
import org.jiefen.platform.LocalMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The dev mailbox: everything local mode has sent. The page is /dev/mailbox (DevMailboxPage). */
@RestController
@LocalMode
class DevMailController {

  private final LocalMailServer server;

  DevMailController(LocalMailServer server) {
    this.server = server;
  }

  @GetMapping("/dev/mail")
  List<LocalMailServer.Mail> mail() {
    return server.received();
  }
}
