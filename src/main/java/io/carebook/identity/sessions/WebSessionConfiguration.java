package io.carebook.identity.sessions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Web sessions in PostgreSQL, shared by every app instance: 15 minutes idle at most (8 hours in
 * all, see {@link AbsoluteSessionTimeout}), in an HttpOnly, SameSite=Lax cookie that is Secure
 * wherever Carebook is served over HTTPS ({@code carebook.cookies.secure}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 15 * 60)
class WebSessionConfiguration {

  @Bean
  CookieSerializer cookieSerializer(@Value("${carebook.cookies.secure:true}") boolean secure) {
    var cookie = new DefaultCookieSerializer();
    cookie.setCookieName("CAREBOOK_SESSION");
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    cookie.setUseSecureCookie(secure);
    return cookie;
  }
}
