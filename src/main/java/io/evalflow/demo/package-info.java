/**
 * The demo: the 2012 China E-Government Best Practice Selection as a campaign with demo
 * accounts, seeded on first start of the embedded database, and the replay that runs it
 * from 300+ applications to the published 40 winners through the same services and the
 * same BPMN processes as everyone else.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo campaign and replay")
package io.evalflow.demo;
