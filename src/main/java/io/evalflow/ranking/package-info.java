/**
 * Ranking and cuts: the weighted totals of a round's reviews aggregated per application,
 * ranks overall and per category, the cut the round's rule proposes (ties at the line
 * flagged, never broken silently) and the cut the organizer confirms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ranking and cuts")
package io.evalflow.ranking;
