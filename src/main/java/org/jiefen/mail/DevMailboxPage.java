package org.jiefen.mail;

import org.jiefen.platform.LocalMode;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dev mailbox page (local mode only): every mail local mode has sent, newest first, as it was
 * sent (mails carry masked numbers only). The same list is JSON at {@code GET /dev/mail}.
 */
@Controller
@WebPage
@LocalMode
class DevMailboxPage {

  private final LocalMailServer server;

  DevMailboxPage(LocalMailServer server) {
    this.server = server;
  }

  @GetMapping("/dev/mailbox")
  String mailbox(Model model) {
    model.addAttribute("mails", server.received());
    return "dev/mailbox";
  }
}
