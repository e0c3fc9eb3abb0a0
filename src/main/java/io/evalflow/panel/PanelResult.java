package io.evalflow.panel;

import java.math.BigDecimal;
import java.util.List;

/**
 * The count of one category's panel vote.
 *
 * @param method how it was counted
 * @param standings every finalist, best first: ties share a position
 * @param selected the winners, best first: exactly the quota (or every finalist, when
 * there are fewer), unless a tie at the line could not be broken
 * @param tiedAtLine the finalists tied for the last places, which neither the count nor
 * the declared tie-break separates; empty when the result is complete
 * @param placesLeft how many of the tied still have a place; 0 when complete
 * @param ignored votes left out because the member has a conflict with the application
 */
public record PanelResult(PanelCount.Method method, List<Standing> standings, List<Long> selected,
		List<Long> tiedAtLine, int placesLeft, List<IgnoredVote> ignored) {

	public PanelResult {
		standings = List.copyOf(standings);
		selected = List.copyOf(selected);
		tiedAtLine = List.copyOf(tiedAtLine);
		ignored = List.copyOf(ignored);
	}

	/** Whether the winners are decided: no unbreakable tie at the line. */
	public boolean complete() {
		return this.tiedAtLine.isEmpty();
	}

	/**
	 * One finalist's place in the count.
	 *
	 * @param applicationId the application
	 * @param position 1 the best; equal counts share a position
	 * @param value the count: mean score, mean normalised Borda points (0 to 1), or the
	 * number of finalists it beats by Schulze's strongest paths; rounded to four decimals
	 * for showing (the count itself is exact)
	 * @param voters the members whose ballot counted for it
	 * @param tieBroken whether the tie-break decided its side of the line
	 */
	public record Standing(Long applicationId, int position, BigDecimal value, int voters, boolean tieBroken) {
	}

	/** A vote the count left out: the member has a conflict with the application. */
	public record IgnoredVote(String member, Long applicationId) {
	}

}
