/**
 * Screens that belong to no single module: the home page, which sends each role to its
 * own start screen, and sign-in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home and sign-in")
package io.evalflow.web;
