package io.evalflow.submission;

public record EligibilityDecided(Long applicationId, String processInstanceId, boolean eligible, String actor) {
}
