package io.evalflow;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the map of the house true: modules only use each other's public API, without
 * cycles, and the module documentation is written to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(EvalflowApplication.class);

	@Test
	void modulesUseOnlyEachOthersPublicApiWithoutCycles() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
