package io.carebook.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page behind each problem {@code type} URI, so a developer who follows one from an API error
 * reads what it means.
 */
@Controller
class ProblemTypePages {

  private final MessageSource messages;

  ProblemTypePages(MessageSource messages) {
    this.messages = messages;
  }

  @GetMapping("/problems/{kind}")
  String describe(@PathVariable String kind, Model model) {
    var key = "error." + kind;
    var text = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
    if (!kind.matches("[a-z-]{3,40}") || text == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("kind", kind);
    model.addAttribute("messageKey", key);
    return "problem-type";
  }
}
