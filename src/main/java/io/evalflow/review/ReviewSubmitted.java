package io.evalflow.review;

public record ReviewSubmitted(Long reviewId, Long applicationId, Long roundId, String taskId, String expertUsername) {
}
