package io.evalflow.campaign;

/**
 * {@code SCORING}: each expert scores alone. {@code PANEL}: a panel judges the finalists
 * together (终审).
 */
public enum RoundType {

	SCORING, PANEL

}
