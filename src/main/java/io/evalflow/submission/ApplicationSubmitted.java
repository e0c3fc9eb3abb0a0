package io.evalflow.submission;

public record ApplicationSubmitted(Long applicationId, Long campaignId, String referenceNo) {
}
