package io.carebook.notifications.web;

import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/** Shows a plain-text message as HTML: escaped, with its links clickable. */
final class OutboxLinks {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  String linkify(String text) {
    return LINK.matcher(HtmlUtils.htmlEscape(text))
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    "<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
  }
}
