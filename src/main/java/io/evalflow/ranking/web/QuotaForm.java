package io.evalflow.ranking.web;

import jakarta.validation.constraints.Size;

/**
 * A category's final quota lowered because its finalists cannot fill it, with the
 * organizer's reason. What quota is acceptable is the ranking service's rule.
 */
class QuotaForm {

	private Long categoryId;

	private Integer quota;

	@Size(max = 1000, message = "{ranking.quota.reason.tooLong}")
	private String reason;

	public Long getCategoryId() {
		return this.categoryId;
	}

	public void setCategoryId(Long categoryId) {
		this.categoryId = categoryId;
	}

	public Integer getQuota() {
		return this.quota;
	}

	public void setQuota(Integer quota) {
		this.quota = quota;
	}

	public String getReason() {
		return this.reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
