/**
 * The few types every module speaks: user-facing domain errors carried as message keys,
 * and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.evalflow.shared;
