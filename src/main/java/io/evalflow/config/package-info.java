/**
 * Application-wide web concerns: the one security filter chain, languages, and how
 * refusals reach the user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Configuration")
package io.evalflow.config;
