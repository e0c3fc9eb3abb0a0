package io.evalflow.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document at {@code /api/v1/openapi} says about the API as a whole:
 * every call authenticates with HTTP Basic unless an operation says otherwise.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "evalflow API", version = "v1",
		description = "Multi-round expert evaluations, from the call for applications to the published "
				+ "results. Refusals are RFC 9457 problem details in the language of Accept-Language "
				+ "(Chinese by default)."),
		security = @SecurityRequirement(name = ApiDocumentation.BASIC))
@SecurityScheme(name = ApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic")
class ApiDocumentation {

	static final String BASIC = "basic";

}
