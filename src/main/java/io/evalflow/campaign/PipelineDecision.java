package io.evalflow.campaign;

import java.util.Map;

/**
 * An organizer's decision that moves the campaign's process on, raised after the deciding
 * module has checked it. The workflow module completes the matching user task in the same
 * transaction, so a decision taken at the wrong stage is refused and rolled back.
 *
 * @param campaignId the campaign
 * @param step the BPMN user task id: {@code publish-call}, {@code close-submissions},
 * {@code formal-check}, {@code start-round}, {@code confirm-assignment},
 * {@code confirm-cut} or {@code publish-results}
 * @param roundNo the round for round steps, otherwise {@code null}
 * @param actor who decided
 * @param variables what the decision tells the process (e.g. a redraw and its seed)
 */
public record PipelineDecision(Long campaignId, String step, Integer roundNo, String actor,
		Map<String, Object> variables) {

	public PipelineDecision {
		variables = Map.copyOf(variables);
	}

	public PipelineDecision(Long campaignId, String step, Integer roundNo, String actor) {
		this(campaignId, step, roundNo, actor, Map.of());
	}

	public static final String PUBLISH_CALL = "publish-call";

	public static final String CLOSE_SUBMISSIONS = "close-submissions";

	public static final String FORMAL_CHECK = "formal-check";

	public static final String START_ROUND = "start-round";

	public static final String CONFIRM_ASSIGNMENT = "confirm-assignment";

	public static final String CONFIRM_CUT = "confirm-cut";

	public static final String PUBLISH_RESULTS = "publish-results";

}
