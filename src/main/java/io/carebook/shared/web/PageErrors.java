package io.carebook.shared.web;

import io.carebook.shared.NotFoundException;
import io.carebook.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages: a page a person can read, with the same status the API would give. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("status", 404);
    model.addAttribute("messageKey", "error.notFound");
    return "error";
  }

  @ExceptionHandler(ProblemException.class)
  String problem(ProblemException e, HttpServletResponse response, Model model) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("messageKey", "error." + e.kind());
    model.addAttribute("detail", e.getMessage());
    return "error";
  }
}
