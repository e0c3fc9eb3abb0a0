package io.evalflow.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API documents itself, without signing in, for anyone who wants to automate it.
 */
class OpenApiDocumentTests extends ApiTestSupport {

	@Test
	void openApiDocumentListsTheEndpointsTheirRefusalsAndBasicAuthentication() throws Exception {
		call(get("/api/v1/openapi"), null).andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/campaigns'].post.summary").value("Define a campaign"))
			.andExpect(jsonPath("$.paths['/api/v1/campaigns'].post.responses['201']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/campaigns'].post.responses['422']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/campaigns'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/reviews/{id}/submit']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/rounds/{roundId}/cut']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/registrations'].post.security").isEmpty())
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
	}

	@Test
	void documentationPageOpensWithoutSigningIn() throws Exception {
		String page = call(get("/api/v1/docs"), null).andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		call(get(page), null).andExpect(status().isOk());
		assertThat(page).endsWith("/index.html");
		// Its script comes from the webjar through Swagger UI's own resolver, with the
		// application's resource chain off.
		call(get(page.replace("index.html", "swagger-ui-bundle.js")), null).andExpect(status().isOk());
	}

}
