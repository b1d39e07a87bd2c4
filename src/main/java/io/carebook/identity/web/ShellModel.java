package io.carebook.identity.web;

import io.carebook.identity.CurrentMember;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, where, and the page's language. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

  private final boolean devOutbox;

  ShellModel(@Value("${carebook.dev.outbox-page:false}") boolean devOutbox) {
    this.devOutbox = devOutbox;
  }

  @ModelAttribute("member")
  @Nullable CurrentMember member() {
    return CurrentMember.current().orElse(null);
  }

  @ModelAttribute("lang")
  String lang() {
    return LocaleContextHolder.getLocale().getLanguage();
  }

  @ModelAttribute("rtl")
  boolean rtl() {
    return "ar".equals(lang());
  }

  @ModelAttribute("devOutbox")
  boolean devOutbox() {
    return devOutbox;
  }
}
