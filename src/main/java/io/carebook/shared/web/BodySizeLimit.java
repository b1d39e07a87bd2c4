package io.carebook.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API bodies have a ceiling ({@code carebook.api.max-body-size}, 1MB by default; uploads the
 * multipart limit): a larger one is answered 413 with a problem before anything reads it, and a
 * body without a length that grows past the ceiling stops being read. Tomcat swallows what is left
 * of a refused body (up to {@code server.tomcat.max-swallow-size}) so the client reads the answer
 * instead of a dropped connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

  private final long json;
  private final long multipart;

  BodySizeLimit(
      @Value("${carebook.api.max-body-size:1MB}") DataSize json,
      @Value("${spring.servlet.multipart.max-request-size:13MB}") DataSize multipart) {
    this.json = json.toBytes();
    this.multipart = multipart.toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var limit = limitOf(request);
    if (request.getContentLengthLong() > limit) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private long limitOf(HttpServletRequest request) {
    var type = request.getContentType();
    return type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
        ? multipart
        : json;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var status = HttpStatus.PAYLOAD_TOO_LARGE;
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getWriter()
        .write(
            """
            {"type":"%s","title":"%s","status":%d,"detail":"%s","instance":"%s"}"""
                .formatted(
                    FrameworkProblems.type(status),
                    status.getReasonPhrase(),
                    status.value(),
                    FrameworkProblems.detail(status),
                    request.getRequestURI().replaceAll("[^A-Za-z0-9/_.~-]", "")));
  }

  /** Thrown when a body without a declared length grows past the ceiling while it is read. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("request body too large");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private @Nullable ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Counting(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      var b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var n = in.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge();
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
