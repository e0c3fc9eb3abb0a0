package io.evalflow.review.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.evalflow.account.AccountService;
import io.evalflow.account.Unit;
import io.evalflow.review.Expert;
import io.evalflow.review.ExpertImport;
import io.evalflow.review.ExpertImportResult;
import io.evalflow.review.expertimport.ExpertImportRefused;
import io.evalflow.shared.UserMessages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The expert pool imported from an XLSX spreadsheet, for automation: all rows or none. A
 * refused file answers 422 with every problem, each with its row and column.
 */
@RestController
@RequestMapping("/api/v1/experts/import")
@Tag(name = "Experts and reviews")
class ExpertImportApiController {

	private final ExpertImport expertImport;

	private final AccountService accounts;

	private final ImportProblemLines problemLines;

	private final UserMessages messages;

	ExpertImportApiController(ExpertImport expertImport, AccountService accounts, ImportProblemLines problemLines,
			UserMessages messages) {
		this.expertImport = expertImport;
		this.accounts = accounts;
		this.problemLines = problemLines;
		this.messages = messages;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('ORGANIZER') or hasRole('ADMIN')")
	@ApiResponse(responseCode = "201", description = "Imported: the experts with their initial passwords")
	@ApiResponse(responseCode = "422",
			description = "Refused, nothing imported: problem JSON whose 'problems' list every row, column and message")
	@Operation(summary = "Import experts from an XLSX spreadsheet",
			description = "Header row (Chinese or English): 用户名/username, 姓名/name, 单位/unit, 上级单位/parent unit, "
					+ "地区/region, 职称/title, 专业类别/categories, 每轮上限/round cap, 评选总上限/campaign cap, "
					+ "电子邮箱/email, 新单位/new unit. Unknown units are refused unless 新单位 is Y. "
					+ "The initial passwords are returned only in this response.")
	ResponseEntity<ImportView> importExperts(
			@Parameter(description = "The .xlsx file") @RequestParam("file") MultipartFile file) {
		ExpertImportResult result = this.expertImport.importWorkbook(ExpertImportController.bytes(file));
		Map<Long, Unit> units = this.accounts
			.units(result.experts().stream().map(i -> i.expert().getUnitId()).distinct().toList());
		List<ImportedExpertView> experts = result.experts().stream().map(imported -> {
			Expert e = imported.expert();
			return new ImportedExpertView(ExpertView.of(e, imported.password().username(), units.get(e.getUnitId())),
					imported.password().password());
		}).toList();
		return ResponseEntity.created(URI.create("/api/v1/experts"))
			.body(new ImportView(experts, result.unitsCreated()));
	}

	/** Before the general refusal handler: this refusal carries a list. */
	@ExceptionHandler(ExpertImportRefused.class)
	ResponseEntity<ProblemDetail> refused(ExpertImportRefused refused) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setDetail(this.messages.of(refused));
		problem.setProperty("code", refused.getMessageKey());
		problem.setProperty("problems", this.problemLines.of(refused.getProblems())
			.stream()
			.map(line -> new ProblemView(line.rowNumber(), line.letter(), line.column(), line.code(), line.message()))
			.toList());
		return ResponseEntity.unprocessableContent().body(problem);
	}

	/**
	 * @param initialPassword the password the expert signs in with first; not stored
	 */
	record ImportedExpertView(ExpertView expert, String initialPassword) {
	}

	record ImportView(List<ImportedExpertView> experts, List<String> unitsCreated) {
	}

	/**
	 * @param row the spreadsheet row (the header is 1), or 0 for the whole file
	 * @param column the column's letters, or {@code null}
	 */
	record ProblemView(int row, String column, String columnName, String code, String message) {
	}

}
