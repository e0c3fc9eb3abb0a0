package io.evalflow.submission;

public record ApplicationWithdrawn(Long applicationId, String processInstanceId) {
}
