package io.evalflow.campaign;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A category (类别) of the campaign with its winner quota.
 */
@Entity
@Table(name = "category")
public class Category {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "campaign_id")
	private Campaign campaign;

	private String code;

	private String name;

	private String nameEn;

	private int quota;

	private int sortOrder;

	protected Category() {
	}

	Category(Campaign campaign, String code, String name, String nameEn, int quota, int sortOrder) {
		this.campaign = campaign;
		this.code = code;
		this.name = name;
		this.nameEn = nameEn;
		this.quota = quota;
		this.sortOrder = sortOrder;
	}

	public Long getId() {
		return this.id;
	}

	public Long getCampaignId() {
		return this.campaign.getId();
	}

	public String getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	/** The name in the given language, falling back to the campaign's own. */
	public String name(java.util.Locale locale) {
		return ("en".equals(locale.getLanguage()) && this.nameEn != null) ? this.nameEn : this.name;
	}

	public int getQuota() {
		return this.quota;
	}

	/** The quota in force: as defined, or as lowered since ({@link QuotaChange}). */
	void changeQuota(int quota) {
		this.quota = quota;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

}
