package io.evalflow.review;

import java.time.Instant;
import java.util.List;

/**
 * An organizer extended one expert's open reviews in a round; their engine tasks are to
 * show the new due date.
 */
public record ExpertDeadlineExtended(Long roundId, Long expertId, Instant dueAt, List<String> taskIds) {

	public ExpertDeadlineExtended {
		taskIds = List.copyOf(taskIds);
	}

}
