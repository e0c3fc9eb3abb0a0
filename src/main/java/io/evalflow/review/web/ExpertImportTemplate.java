package io.evalflow.review.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.evalflow.review.expertimport.ExpertImportColumn;
import io.evalflow.review.expertimport.ExpertWorkbooks;
import io.evalflow.shared.UserMessages;

/**
 * The spreadsheet an organizer fills in: the header row in their language and one example
 * row, which names categories that exist and a unit it creates.
 */
final class ExpertImportTemplate {

	private ExpertImportTemplate() {
	}

	static byte[] workbook(Locale locale, Collection<String> categoryCodes, UserMessages messages) {
		List<String> header = Arrays.stream(ExpertImportColumn.values()).map(c -> c.header(locale)).toList();
		String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
		String categories = String.join(separator, categoryCodes.stream().sorted().limit(2).toList());
		List<String> example = List.of("wang.yan", messages.get("expertimport.template.example.name"),
				messages.get("expertimport.template.example.unit"), "",
				messages.get("expertimport.template.example.region"),
				messages.get("expertimport.template.example.title"), categories, "30", "60", "wang.yan@example.edu.cn",
				"Y");
		return ExpertWorkbooks.table(messages.get("expertimport.template.sheet"), header, List.of(example));
	}

}
