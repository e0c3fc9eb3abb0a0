/**
 * Accounts and units: who may sign in, with which role, on behalf of which unit (申报单位,
 * expert affiliation or the organizer). Owns registration of applicant units and the
 * units' hierarchy.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and units")
package io.evalflow.account;
