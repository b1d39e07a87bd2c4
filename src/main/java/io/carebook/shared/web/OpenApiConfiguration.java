package io.carebook.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI carebookApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Carebook API")
                .version("v1")
                .description(
                    "The API of Carebook for mobile apps, integrations and AI agents. Sign in with"
                        + " POST /api/v1/tokens and send the access token as 'Authorization:"
                        + " Bearer <token>'. The token is bound to one clinic; every record of"
                        + " another organization answers 404. Errors are RFC 9457 problem"
                        + " details with a stable 'type'. Lists answer {items, next} and take"
                        + " ?limit= and ?cursor=; GETs answer an ETag, updates take If-Match;"
                        + " every POST accepts Idempotency-Key. Conventions, versioning and"
                        + " deprecation: docs/api/; changelog: GET /api/v1/changelog."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
