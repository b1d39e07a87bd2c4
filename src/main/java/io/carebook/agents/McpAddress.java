package io.carebook.agents;

/**
 * Where agents connect, and what to paste into an MCP client: for the owners' developer page and
 * the README. The key itself is never part of it; the owner puts one in where it says so.
 */
public final class McpAddress {

  /** The MCP server's path (streamable HTTP, stateless), under the API's security chain. */
  public static final String PATH = "/api/mcp";

  private McpAddress() {}

  /**
   * The server's address behind {@code baseUrl} (carebook.base-url, e.g. https://clinic.example).
   */
  public static String of(String baseUrl) {
    return baseUrl.replaceAll("/+$", "") + PATH;
  }

  /**
   * A client configuration in the common {@code mcpServers} shape (Claude Desktop, Cursor, VS Code
   * and others read it), with a placeholder where the clinic's API key goes.
   */
  public static String clientConfiguration(String baseUrl) {
    return """
        {
          "mcpServers": {
            "carebook": {
              "type": "http",
              "url": "%s",
              "headers": {
                "Authorization": "Bearer <your clinic's API key, cbk_…>"
              }
            }
          }
        }
        """
        .formatted(of(baseUrl));
  }
}
