package io.evalflow.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one release chunk knows while the engine creates its review tasks on this thread:
 * each review's assignee (so the engine's assignee expression costs no query) and the
 * task ids to link back to the reviews in one batch at the end of the chunk.
 */
final class ReleaseContext {

	private static final ThreadLocal<ReleaseContext> CURRENT = new ThreadLocal<>();

	private final Map<Long, List<Long>> reviewsPerApplication;

	private final Map<Long, String> assignees;

	private final List<Object[]> taskLinks = new ArrayList<>();

	private ReleaseContext(Map<Long, List<Long>> reviewsPerApplication, Map<Long, String> assignees) {
		this.reviewsPerApplication = Map.copyOf(reviewsPerApplication);
		this.assignees = new HashMap<>(assignees);
	}

	static void open(Map<Long, List<Long>> reviewsPerApplication, Map<Long, String> assignees) {
		CURRENT.set(new ReleaseContext(reviewsPerApplication, assignees));
	}

	static ReleaseContext current() {
		return CURRENT.get();
	}

	static ReleaseContext close() {
		ReleaseContext context = CURRENT.get();
		CURRENT.remove();
		return context;
	}

	/** The application's released reviews, if this chunk released them. */
	List<Long> reviewsOf(Long applicationId) {
		return this.reviewsPerApplication.get(applicationId);
	}

	String assignee(Long reviewId) {
		return this.assignees.get(reviewId);
	}

	boolean knows(Long reviewId) {
		return this.assignees.containsKey(reviewId);
	}

	void linkTask(Long reviewId, String taskId) {
		this.taskLinks.add(new Object[] { taskId, reviewId });
	}

	List<Object[]> taskLinks() {
		return this.taskLinks;
	}

}
