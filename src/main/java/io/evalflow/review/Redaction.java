package io.evalflow.review;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces the names that identify an application's applicants (units, their parent
 * units, contact persons …) in a text by a neutral placeholder: what a blind round's
 * experts read instead of the applicant's own title and sections. Plain text in, plain
 * text out, so the same rule serves pages, the API and e-mails.
 * <p>
 * Longer names go first, so a unit is replaced whole before its parent's name inside it;
 * letters match in any case and whitespace inside a name matches any whitespace or none.
 */
public final class Redaction {

	private static final Redaction NONE = new Redaction(null, "");

	/** Shorter strings would replace parts of ordinary words. */
	static final int MIN_LENGTH = 2;

	private final Pattern names;

	private final String placeholder;

	private Redaction(Pattern names, String placeholder) {
		this.names = names;
		this.placeholder = placeholder;
	}

	/** Leaves every text as it is: open rounds. */
	public static Redaction none() {
		return NONE;
	}

	public static Redaction of(Collection<String> names, String placeholder) {
		Set<String> usable = names.stream()
			.filter(n -> n != null)
			.map(String::strip)
			.filter(n -> n.codePointCount(0, n.length()) >= MIN_LENGTH)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (usable.isEmpty()) {
			return NONE;
		}
		List<String> longestFirst = usable.stream()
			.sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
			.toList();
		String alternatives = longestFirst.stream().map(Redaction::pattern).collect(Collectors.joining("|"));
		return new Redaction(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
				placeholder);
	}

	private static String pattern(String name) {
		return List.of(name.split("\\s+")).stream().map(Pattern::quote).collect(Collectors.joining("\\s*"));
	}

	/** The text with every name replaced; null stays null. */
	public String apply(String text) {
		if (text == null || this.names == null) {
			return text;
		}
		return this.names.matcher(text).replaceAll(Matcher.quoteReplacement(this.placeholder));
	}

	public boolean isNone() {
		return this.names == null;
	}

}
