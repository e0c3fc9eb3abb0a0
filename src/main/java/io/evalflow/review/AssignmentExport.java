package io.evalflow.review;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.campaign.Campaign;
import io.evalflow.campaign.CampaignService;
import io.evalflow.campaign.ReviewRound;
import io.evalflow.submission.Application;
import io.evalflow.submission.SubmissionService;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * A round's assignment as a spreadsheet, one row per review. Streamed: the rows are read
 * a batch at a time and SXSSF keeps only a window of them in memory, so a round of
 * 500,000 reviews exports in constant memory.
 * <p>
 * Titles, names and reasons come from applicants and organizers: a text starting with
 * {@code = + - @} (or a tab or carriage return) would be a formula once someone edits the
 * cell, so every cell is text and such cells carry Excel's quote prefix (the leading
 * apostrophe), which keeps them text.
 */
@Component
public class AssignmentExport {

	static final int BATCH = 2_000;

	/** Applicant units are many and each shows up in few rows: the cache starts over. */
	private static final int UNITS_KEPT = 20_000;

	private static final String[] COLUMNS = { "referenceNo", "title", "category", "leadUnit", "expert", "expertUnit",
			"status", "overrideReason" };

	private static final int[] WIDTHS = { 22, 48, 16, 32, 16, 32, 12, 40 };

	private final ReviewRepository reviews;

	private final ExpertRepository experts;

	private final SubmissionService submissions;

	private final CampaignService campaigns;

	private final AccountService accounts;

	private final MessageSource messages;

	AssignmentExport(ReviewRepository reviews, ExpertRepository experts, SubmissionService submissions,
			CampaignService campaigns, AccountService accounts, MessageSource messages) {
		this.reviews = reviews;
		this.experts = experts;
		this.submissions = submissions;
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** Writes the round's assignment as XLSX, headers in the given language. */
	public void write(Long roundId, Locale locale, OutputStream out) throws IOException {
		ReviewRound round = this.campaigns.round(roundId);
		Campaign campaign = this.campaigns.get(round.getCampaignId());
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			workbook.setCompressTempFiles(true);
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			Sheet sheet = workbook.createSheet(message("assignment.export.sheet", locale));
			header(workbook, sheet, locale);
			Map<Long, Expert> experts = new HashMap<>();
			Map<Long, Unit> units = new HashMap<>();
			int rowNo = 1;
			long after = 0;
			List<Object[]> batch;
			do {
				batch = this.reviews.exportRows(roundId, after, PageRequest.of(0, BATCH));
				Map<Long, Application> applications = this.submissions
					.byIds(batch.stream().map(r -> (Long) r[1]).collect(Collectors.toSet()));
				lookUp(batch, applications, experts, units);
				for (Object[] review : batch) {
					Application application = applications.get((Long) review[1]);
					Expert expert = experts.get((Long) review[2]);
					Row row = sheet.createRow(rowNo++);
					String[] values = { application.getReferenceNo(), application.getTitle(),
							campaign.category(application.getCategoryId()).name(locale),
							unitName(units, application.getLeadUnitId()), (expert != null) ? expert.getName() : null,
							(expert != null) ? unitName(units, expert.getUnitId()) : null,
							message("assignment.reviewStatus." + ((ReviewStatus) review[3]).name(), locale),
							(String) review[4] };
					for (int i = 0; i < values.length; i++) {
						text(row, i, values[i], quoted);
					}
					after = (Long) review[0];
				}
			}
			while (batch.size() == BATCH);
			workbook.write(out);
		}
	}

	/**
	 * Whether a spreadsheet would read the text as a formula (or, for a tab or carriage
	 * return, might, after a round trip through CSV).
	 */
	static boolean formulaLike(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
	}

	private void header(SXSSFWorkbook workbook, Sheet sheet, Locale locale) {
		Font bold = workbook.createFont();
		bold.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(bold);
		Row header = sheet.createRow(0);
		for (int i = 0; i < COLUMNS.length; i++) {
			header.createCell(i).setCellValue(message("assignment.export.column." + COLUMNS[i], locale));
			header.getCell(i).setCellStyle(style);
			sheet.setColumnWidth(i, WIDTHS[i] * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	private void lookUp(List<Object[]> batch, Map<Long, Application> applications, Map<Long, Expert> experts,
			Map<Long, Unit> units) {
		Set<Long> newExperts = batch.stream()
			.map(r -> (Long) r[2])
			.filter(id -> !experts.containsKey(id))
			.collect(Collectors.toSet());
		this.experts.findAllById(newExperts).forEach(e -> experts.put(e.getId(), e));
		Set<Long> unitIds = applications.values().stream().map(Application::getLeadUnitId).collect(Collectors.toSet());
		newExperts.stream().map(experts::get).filter(e -> e != null).forEach(e -> unitIds.add(e.getUnitId()));
		if (units.size() > UNITS_KEPT) {
			units.clear();
		}
		unitIds.removeAll(units.keySet());
		if (!unitIds.isEmpty()) {
			units.putAll(this.accounts.units(unitIds));
		}
	}

	private static void text(Row row, int column, String value, CellStyle quoted) {
		if (value == null) {
			return;
		}
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (formulaLike(value)) {
			cell.setCellStyle(quoted);
		}
	}

	private static String unitName(Map<Long, Unit> units, Long unitId) {
		Unit unit = units.get(unitId);
		return (unit != null) ? unit.getName() : null;
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
