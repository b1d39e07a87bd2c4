package io.carebook.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Examples drawn from schemas, without Spring. */
class ApiExamplesTests {

  @Test
  void anExampleFollowsTheSchemaItsReferencesAndItsFieldsOwnExamples() {
    Schema<?> patient =
        new ObjectSchema()
            .addProperty("id", new UUIDSchema())
            .addProperty("fullName", new StringSchema())
            .addProperty("phone", new StringSchema())
            .addProperty("sex", new StringSchema()._enum(List.of("FEMALE", "MALE")))
            .addProperty("visits", new IntegerSchema())
            .addProperty("note", new StringSchema().example("as written"));
    Schema<?> page =
        new ObjectSchema()
            .addProperty(
                "items", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/P")))
            .addProperty("next", new StringSchema());
    var example = new ApiExamples(Map.of("P", patient)).example(page, "", 0);
    assertThat(example)
        .isEqualTo(
            Map.of(
                "items",
                List.of(
                    Map.of(
                        "id", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
                        "fullName", "Amina Hassan",
                        "phone", "+201001234567",
                        "sex", "FEMALE",
                        "visits", 1,
                        "note", "as written")),
                "next",
                "text"));
  }

  @Test
  void aSchemaThatNamesItselfEndsInsteadOfRecursing() {
    Schema<?> node =
        new ObjectSchema().addProperty("child", new Schema<>().$ref("#/components/schemas/N"));
    assertThat(new ApiExamples(Map.of("N", node)).example(node, "", 0)).isNotNull();
  }
}
