/**
 * Vote counting for a final judgment held as a panel round (终审): each panel member scores
 * or ranks the finalists of a category on a {@link io.evalflow.panel.Ballot}, and
 * {@link io.evalflow.panel.PanelCount} counts them by the campaign's declared method
 * (mean score, Borda or Schulze) and tie-break into exactly the category's quota, or
 * reports the tie it cannot break. Members never vote on an application they have a
 * conflict with. Plain Java: no Spring, no database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Panel vote counting")
package io.evalflow.panel;
