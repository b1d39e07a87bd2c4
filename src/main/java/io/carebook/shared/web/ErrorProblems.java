package io.carebook.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The error path for everything that fails outside a controller (no handler for the address, a
 * method or content type not taken, an upload too large, a filter's refusal): an RFC 9457 problem
 * instead of the framework's own error JSON. Pages keep the error page.
 */
@Component
class ErrorProblems extends BasicErrorController {

  ErrorProblems(
      ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
    super(attributes, web.getError(), resolvers.orderedStream().toList());
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    var status = getStatus(request);
    if (status == HttpStatus.NO_CONTENT) {
      return new ResponseEntity<>(status);
    }
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", FrameworkProblems.type(status).toString());
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", FrameworkProblems.detail(status));
    var path = request.getAttribute("jakarta.servlet.error.request_uri");
    if (path instanceof String uri) {
      problem.put("instance", uri);
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
