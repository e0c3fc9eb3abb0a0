package io.evalflow.submission.web;

import io.evalflow.submission.Application;
import io.evalflow.submission.ApplicationStatus;

/**
 * One line of a list of applications, with the names a table needs already resolved.
 *
 * @param round the name of the round reached, or {@code null} before the first
 */
record ApplicationRow(Application application, String campaign, String category, String unit, String round,
		ApplicationStatus status) {
}
