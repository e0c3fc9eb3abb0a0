package io.evalflow.campaign;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A category's final quota lowered to what its finalists can fill: before and after, for
 * which final round, why, by whom and when.
 */
@Entity
@Table(name = "quota_change")
public class QuotaChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long campaignId;

	private Long categoryId;

	private Long roundId;

	private int oldQuota;

	private int newQuota;

	private String reason;

	private String changedBy;

	private Instant changedAt;

	protected QuotaChange() {
	}

	QuotaChange(Category category, Long roundId, int oldQuota, int newQuota, String reason, String changedBy,
			Instant changedAt) {
		this.campaignId = category.getCampaignId();
		this.categoryId = category.getId();
		this.roundId = roundId;
		this.oldQuota = oldQuota;
		this.newQuota = newQuota;
		this.reason = reason;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaignId;
	}

	public Long getCategoryId() {
		return this.categoryId;
	}

	public Long getRoundId() {
		return this.roundId;
	}

	public int getOldQuota() {
		return this.oldQuota;
	}

	public int getNewQuota() {
		return this.newQuota;
	}

	public String getReason() {
		return this.reason;
	}

	public String getChangedBy() {
		return this.changedBy;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

}
