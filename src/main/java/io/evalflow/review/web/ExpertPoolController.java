package io.evalflow.review.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.evalflow.account.Account;
import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.Category;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertService;
import io.evalflow.review.expertimport.ExpertImportCheck;
import io.evalflow.shared.DomainException;
import io.evalflow.shared.UserMessages;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's expert pool: who is in it, a form to add an expert with their sign-in
 * account, and taking an expert out of the pool or back in.
 */
@Controller
@RequestMapping("/organizer/experts")
class ExpertPoolController {

	static final String VIEW = "review/experts";

	/** Refusals of {@link ExpertService#create} that belong to one field of the form. */
	private static final Map<String, String> REFUSAL_FIELDS = Map.of("account.error.usernameTaken", "username",
			"expert.error.loadCap", "loadCap");

	private final ExpertService experts;

	private final AccountService accounts;

	private final CampaignService campaigns;

	private final UserMessages messages;

	ExpertPoolController(ExpertService experts, AccountService accounts, CampaignService campaigns,
			UserMessages messages) {
		this.experts = experts;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.messages = messages;
	}

	@GetMapping
	String pool(Model model, Locale locale) {
		model.addAttribute("expertForm", new ExpertForm());
		return page(model, locale);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("expertForm") ExpertForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (!categoryChoices(locale).keySet().containsAll(form.getCategoryCodes())) {
			errors.rejectValue("categoryCodes", "review.expert.form.categories.unknown");
		}
		if (!errors.hasErrors()) {
			try {
				Expert expert = this.experts.create(form.toRequest());
				redirect.addFlashAttribute("success",
						this.messages.get("review.expert.flash.created", expert.getName(), form.getUsername().trim()));
				return "redirect:/organizer/experts";
			}
			catch (DomainException refusal) {
				String field = REFUSAL_FIELDS.get(refusal.getMessageKey());
				if (field != null) {
					errors.rejectValue(field, refusal.getMessageKey(), refusal.getArguments(), null);
				}
				else {
					errors.reject(refusal.getMessageKey(), refusal.getArguments(), null);
				}
			}
		}
		return page(model, locale);
	}

	/**
	 * Takes an expert out of the pool that new rounds draw from, or back in; reviews
	 * already assigned stay with them.
	 */
	@PostMapping("/{expertId}/active")
	String setActive(@PathVariable Long expertId, @RequestParam boolean active, RedirectAttributes redirect) {
		Expert expert = this.experts.setActive(expertId, active);
		redirect.addFlashAttribute("success", this.messages
			.get(active ? "review.expert.flash.activated" : "review.expert.flash.deactivated", expert.getName()));
		return "redirect:/organizer/experts";
	}

	private String page(Model model, Locale locale) {
		List<Expert> pool = this.experts.pool();
		Map<Long, Unit> units = this.accounts.units(pool.stream().map(Expert::getUnitId).distinct().toList());
		Map<Long, Account> accounts = this.accounts.accountsById(pool.stream().map(Expert::getAccountId).toList());
		Map<String, String> categories = categoryChoices(locale);
		model.addAttribute("experts",
				pool.stream()
					.map(e -> new PoolEntry(e.getId(), e.getName(), accounts.get(e.getAccountId()).getUsername(),
							units.get(e.getUnitId()).getName(), e.getRegion(), e.getTitle(),
							e.getCategoryCodes().stream().sorted().map(c -> categories.getOrDefault(c, c)).toList(),
							e.getLoadCap(), e.isActive()))
					.toList());
		model.addAttribute("categories", categories);
		model.addAttribute("importMaxRows", ExpertImportCheck.MAX_ROWS);
		return VIEW;
	}

	/**
	 * The category codes of all campaigns with their names: one pool serves every
	 * campaign that shares a code.
	 */
	private Map<String, String> categoryChoices(Locale locale) {
		Map<String, String> choices = new LinkedHashMap<>();
		this.campaigns.all()
			.stream()
			.flatMap(c -> c.getCategories().stream())
			.sorted(Comparator.comparingInt(Category::getSortOrder))
			.forEach(c -> choices.putIfAbsent(c.getCode(), c.name(locale)));
		return choices;
	}

	/** An expert as a row of the pool. An empty category list means every category. */
	public record PoolEntry(Long id, String name, String username, String unitName, String region, String title,
			List<String> categories, int loadCap, boolean active) {
	}

}
