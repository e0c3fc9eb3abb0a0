/**
 * Ranking and cuts: the weighted totals of a round's reviews aggregated per application
 * by the round's method (mean, trimmed mean or per-expert z-score mean;
 * {@link io.evalflow.ranking.Aggregator}), disagreement flagged, ranks overall and per
 * category, the cut the round's rule and tie rule propose
 * ({@link io.evalflow.ranking.CutRule}; ties at the line shown, never broken silently),
 * how stable that cut is under the other methods, and the cut the organizer confirms,
 * which freezes the round as a snapshot that a recomputation from the stored reviews must
 * reproduce. The pure parts work on primitive arrays so a million reviews rank in about a
 * second.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ranking and cuts")
package io.evalflow.ranking;
