package org.jiefen.board;

import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.users.Role;
import org.jiefen.web.WebPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The supervision board page, for supervisors (leaders) and administrators; {@code ?unit=} narrows it to a subtree. */
@Controller
@WebPage
class BoardPages {

  private final Board board;
  private final CurrentUser currentUser;

  BoardPages(Board board, CurrentUser currentUser) {
    this.board = board;
    this.currentUser = currentUser;
  }

  @GetMapping("/board")
  String board(@RequestParam(name = "unit", required = false) String unit, Model model) {
    AppUser user = currentUser.get();
    if (!user.has(Role.SUPERVISOR) && !user.has(Role.ADMIN)) {
      throw new AccessDeniedException("the board is for supervisors and administrators");
    }
    model.addAttribute("board", board.of(user, unit));
    return "board/board";
  }
}
