package io.evalflow.campaign;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One line of a round's rubric (评分标准): scored from 0 to {@code maxScore}, counting
 * {@code weight} points of the review's weighted total.
 */
@Entity
@Table(name = "criterion")
public class Criterion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "round_id")
	private ReviewRound round;

	private int sortOrder;

	private String name;

	private String nameEn;

	private BigDecimal weight;

	private int maxScore;

	protected Criterion() {
	}

	Criterion(ReviewRound round, int sortOrder, String name, String nameEn, BigDecimal weight, int maxScore) {
		this.round = round;
		this.sortOrder = sortOrder;
		this.name = name;
		this.nameEn = nameEn;
		this.weight = weight;
		this.maxScore = maxScore;
	}

	public Long getId() {
		return this.id;
	}

	public int getSortOrder() {
		return this.sortOrder;
	}

	public String getName() {
		return this.name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public String name(java.util.Locale locale) {
		return ("en".equals(locale.getLanguage()) && this.nameEn != null) ? this.nameEn : this.name;
	}

	public BigDecimal getWeight() {
		return this.weight;
	}

	public int getMaxScore() {
		return this.maxScore;
	}

}
