package io.evalflow.review;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * An expert of the pool: affiliation, region, the category codes they cover and a load
 * cap per round.
 */
@Entity
@Table(name = "expert")
public class Expert {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long accountId;

	private String name;

	private Long unitId;

	private String region;

	private String title;

	private int loadCap;

	private Integer campaignLoadCap;

	private String email;

	private boolean active;

	private boolean synthetic;

	private Instant createdAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "expert_category", joinColumns = @JoinColumn(name = "expert_id"))
	@Column(name = "category_code")
	private Set<String> categoryCodes = new LinkedHashSet<>();

	protected Expert() {
	}

	Expert(Long accountId, String name, Long unitId, String region, String title, int loadCap,
			Set<String> categoryCodes, boolean synthetic, Instant now) {
		this.accountId = accountId;
		this.name = name;
		this.unitId = unitId;
		this.region = region;
		this.title = title;
		this.loadCap = loadCap;
		this.categoryCodes.addAll(categoryCodes);
		this.active = true;
		this.synthetic = synthetic;
		this.createdAt = now;
	}

	Expert contact(String email, Integer campaignLoadCap) {
		this.email = email;
		this.campaignLoadCap = campaignLoadCap;
		return this;
	}

	/** Out of the pool for rounds started from now on; reviews already assigned stay. */
	void deactivate() {
		this.active = false;
	}

	void activate() {
		this.active = true;
	}

	public Long getId() {
		return this.id;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public String getName() {
		return this.name;
	}

	public Long getUnitId() {
		return this.unitId;
	}

	public String getRegion() {
		return this.region;
	}

	public String getTitle() {
		return this.title;
	}

	public int getLoadCap() {
		return this.loadCap;
	}

	/** The most reviews over all rounds of one campaign, or {@code null}. */
	public Integer getCampaignLoadCap() {
		return this.campaignLoadCap;
	}

	public String getEmail() {
		return this.email;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isSynthetic() {
		return this.synthetic;
	}

	public Set<String> getCategoryCodes() {
		return Set.copyOf(this.categoryCodes);
	}

}
