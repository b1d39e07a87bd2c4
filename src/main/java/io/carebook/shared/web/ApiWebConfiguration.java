package io.carebook.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's conventions that need no handler's help (docs/api/conventions.md): every deprecated
 * operation's headers, and an ETag on every JSON GET of /api/v1 (the record's version where the
 * handler gives one, else a hash of the answer, with If-None-Match answered 304).
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new DeprecationHeaders()).addPathPatterns("/api/**");
  }

  @Bean
  FilterRegistrationBean<AnswersOnly> apiETags() {
    var registration = new FilterRegistrationBean<>(new AnswersOnly());
    registration.addUrlPatterns("/api/v1/*");
    registration.setName("apiETags");
    return registration;
  }

  /** Hashes JSON answers only: downloads (PDFs, documents) stream unbuffered. */
  static final class AnswersOnly extends ShallowEtagHeaderFilter {
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      var path = request.getRequestURI();
      return !"GET".equals(request.getMethod())
          || path.endsWith("/pdf")
          || path.endsWith("/content")
          || path.contains("/stream");
    }
  }
}
