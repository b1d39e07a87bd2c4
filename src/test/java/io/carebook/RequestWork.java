package io.carebook;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Counts the statements and transactions that one marked request sends to PostgreSQL, for tests of
 * the request edge. A request is marked by the query parameter {@code workCount=<id>}; only the
 * connections its own thread takes are watched, so every other request, job and listener passes
 * through untouched. A statement is the handler's work when it runs inside the handler method or
 * the view's rendering; every other statement (filters, interceptors) is the edge's.
 */
@Component
public class RequestWork implements BeanPostProcessor, Filter, Ordered {

  public static final String PARAMETER = "workCount";

  private static final ThreadLocal<Recording> CURRENT = new ThreadLocal<>();
  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

  /** One statement: its SQL, the transaction it ran in, and whether the handler sent it. */
  public record Sent(String sql, int transaction, boolean handler) {}

  /** What one request sent, in order. */
  public static final class Recording {
    private final List<Sent> sent = new ArrayList<>();
    private int transactions;
    private volatile boolean done;

    synchronized int newTransaction() {
      return ++transactions;
    }

    synchronized void add(Sent statement) {
      sent.add(statement);
    }

    public synchronized List<Sent> statements() {
      return List.copyOf(sent);
    }

    /** Transactions in which no statement came from the handler: the edge's. */
    public synchronized Set<Integer> edgeTransactions() {
      var edge = new LinkedHashSet<Integer>();
      sent.forEach(s -> edge.add(s.transaction()));
      sent.stream().filter(Sent::handler).forEach(s -> edge.remove(s.transaction()));
      return edge;
    }

    public synchronized List<Sent> edgeStatements() {
      var edge = edgeTransactions();
      return sent.stream().filter(s -> edge.contains(s.transaction())).toList();
    }

    public synchronized Set<Integer> workTransactions() {
      var all = new LinkedHashSet<Integer>();
      sent.forEach(s -> all.add(s.transaction()));
      all.removeAll(edgeTransactions());
      return all;
    }

    public synchronized List<Sent> workStatements() {
      var work = workTransactions();
      return sent.stream().filter(s -> work.contains(s.transaction())).toList();
    }

    @Override
    public synchronized String toString() {
      var text = new StringBuilder();
      for (var s : sent) {
        text.append(s.handler() ? "  work " : "  edge ")
            .append("tx")
            .append(s.transaction())
            .append(": ")
            .append(s.sql().replaceAll("\\s+", " ").strip())
            .append('\n');
      }
      return text.toString();
    }
  }

  /** The recording of the request marked {@code id}, once that request has finished. */
  public Recording of(String id) {
    var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      var recording = recordings.get(id);
      if (recording != null && recording.done) {
        return recording;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("no finished request marked " + id);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var id = marked((HttpServletRequest) request);
    if (id == null) {
      chain.doFilter(request, response);
      return;
    }
    var recording = new Recording();
    recordings.put(id, recording);
    CURRENT.set(recording);
    try {
      chain.doFilter(request, response);
    } finally {
      CURRENT.remove();
      recording.done = true;
    }
  }

  private static @Nullable String marked(HttpServletRequest request) {
    var query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (var pair : query.split("&")) {
      if (pair.startsWith(PARAMETER + "=")) {
        return pair.substring(PARAMETER.length() + 1);
      }
    }
    return null;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof DataSource) || !"dataSource".equals(beanName)) {
      return bean;
    }
    var proxy = new ProxyFactory(bean);
    proxy.setProxyTargetClass(true);
    proxy.addAdvice(
        (MethodInterceptor)
            invocation -> {
              var result = invocation.proceed();
              var recording = CURRENT.get();
              if (recording != null
                  && invocation.getMethod().getName().equals("getConnection")
                  && result instanceof Connection connection) {
                return watched(connection, recording);
              }
              return result;
            });
    return proxy.getProxy(bean.getClass().getClassLoader());
  }

  private static Connection watched(Connection connection, Recording recording) {
    var state = new ConnectionState(recording);
    return (Connection)
        Proxy.newProxyInstance(
            RequestWork.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              var name = method.getName();
              switch (name) {
                case "setAutoCommit" -> {
                  var autoCommit = (Boolean) args[0];
                  if (autoCommit) {
                    state.open = 0;
                  }
                  state.autoCommit = autoCommit;
                }
                case "commit", "rollback" -> {
                  if (args == null || args.length == 0) {
                    state.open = 0;
                  }
                }
                case "close" -> state.open = 0;
                default -> {}
              }
              var result = invoke(connection, method, args);
              if (result instanceof CallableStatement statement) {
                return statement(statement, CallableStatement.class, state, (String) args[0]);
              }
              if (result instanceof PreparedStatement statement) {
                return statement(statement, PreparedStatement.class, state, (String) args[0]);
              }
              if (result instanceof Statement statement) {
                return statement(statement, Statement.class, state, null);
              }
              return result;
            });
  }

  /** Whether the connection commits each statement, and the transaction it has open. */
  private static final class ConnectionState {
    final Recording recording;
    boolean autoCommit = true;
    int open;

    ConnectionState(Recording recording) {
      this.recording = recording;
    }

    void sent(String sql) {
      int transaction;
      if (autoCommit) {
        transaction = recording.newTransaction();
      } else {
        if (open == 0) {
          open = recording.newTransaction();
        }
        transaction = open;
      }
      recording.add(new Sent(sql, transaction, fromHandler()));
    }
  }

  private static <T extends Statement> T statement(
      T statement, Class<T> type, ConnectionState state, @Nullable String prepared) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          var name = method.getName();
          if (name.startsWith("execute")) {
            var sql = prepared != null ? prepared : args != null && args.length > 0 ? args[0] : "";
            state.sent(String.valueOf(sql));
          }
          return invoke(statement, method, args);
        };
    return type.cast(
        Proxy.newProxyInstance(RequestWork.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static @Nullable Object invoke(Object target, Method method, Object @Nullable [] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Inside a handler method or a view's rendering, rather than a filter or interceptor. */
  private static boolean fromHandler() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames.anyMatch(
                    f ->
                        f.getClassName()
                                .equals(
                                    "org.springframework.web.method.support.InvocableHandlerMethod")
                            || f.getClassName().startsWith("org.thymeleaf.")));
  }
}
