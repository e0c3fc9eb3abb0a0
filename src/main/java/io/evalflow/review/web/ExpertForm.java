package io.evalflow.review.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.evalflow.review.ExpertRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.util.StringUtils;

/**
 * A new expert of the pool and their sign-in account, as the organizer types it. The load
 * cap is bound as text so that a non-number gets a message next to its field.
 */
class ExpertForm {

	@NotNull(message = "{review.expert.form.username.invalid}")
	@Pattern(regexp = "[A-Za-z0-9._@-]{3,60}", message = "{review.expert.form.username.invalid}")
	private String username;

	@NotNull(message = "{review.expert.form.password.invalid}")
	@Size(min = 8, max = 100, message = "{review.expert.form.password.invalid}")
	private String password;

	@NotBlank(message = "{review.expert.form.name.required}")
	@Size(max = 60, message = "{review.expert.form.name.tooLong}")
	private String name;

	@NotBlank(message = "{review.expert.form.unitName.required}")
	@Size(max = 200, message = "{review.expert.form.unitName.tooLong}")
	private String unitName;

	@Size(max = 60, message = "{review.expert.form.region.tooLong}")
	private String region;

	@Size(max = 100, message = "{review.expert.form.title.tooLong}")
	private String title;

	private List<String> categoryCodes = new ArrayList<>();

	@NotNull(message = "{review.expert.form.loadCap.invalid}")
	@Pattern(regexp = "\\s*\\d{1,6}\\s*", message = "{review.expert.form.loadCap.invalid}")
	private String loadCap = "20";

	ExpertRequest toRequest() {
		return new ExpertRequest(this.username.trim(), this.password, this.name.trim(), this.unitName.trim(),
				blankToNull(this.region), blankToNull(this.title), new LinkedHashSet<>(this.categoryCodes),
				Integer.parseInt(this.loadCap.trim()));
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getUnitName() {
		return this.unitName;
	}

	public void setUnitName(String unitName) {
		this.unitName = unitName;
	}

	public String getRegion() {
		return this.region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public List<String> getCategoryCodes() {
		return this.categoryCodes;
	}

	public void setCategoryCodes(List<String> categoryCodes) {
		this.categoryCodes = (categoryCodes != null) ? categoryCodes : new ArrayList<>();
	}

	public String getLoadCap() {
		return this.loadCap;
	}

	public void setLoadCap(String loadCap) {
		this.loadCap = loadCap;
	}

}
