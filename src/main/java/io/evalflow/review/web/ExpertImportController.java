package io.evalflow.review.web;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.evalflow.review.ExpertImport;
import io.evalflow.review.ExpertImportResult;
import io.evalflow.review.InitialPassword;
import io.evalflow.review.expertimport.ExpertImportCheck;
import io.evalflow.review.expertimport.ExpertImportRefused;
import io.evalflow.review.expertimport.ExpertWorkbooks;
import io.evalflow.shared.UserMessages;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer imports experts from an XLSX spreadsheet: the template to fill in, the
 * upload, and the outcome, either every problem of the file or the experts imported with
 * their initial passwords. The passwords stay in the organizer's session (never in the
 * database) so that they can be downloaded as a spreadsheet; the page shows them once.
 */
@Controller
@RequestMapping("/organizer/experts/import")
class ExpertImportController {

	static final String VIEW = "review/expert-import";

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** Problems listed on the page; the count says how many more there are. */
	private static final int LISTED_PROBLEMS = 500;

	private static final String PASSWORDS = ExpertImportController.class.getName() + ".passwords";

	private final ExpertImport expertImport;

	private final ImportProblemLines problemLines;

	private final UserMessages messages;

	ExpertImportController(ExpertImport expertImport, ImportProblemLines problemLines, UserMessages messages) {
		this.expertImport = expertImport;
		this.problemLines = problemLines;
		this.messages = messages;
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			RedirectAttributes redirect) {
		try {
			ExpertImportResult result = this.expertImport.importWorkbook(bytes(file));
			String token = UUID.randomUUID().toString();
			session.setAttribute(PASSWORDS, new LastImport(token, result.passwords()));
			redirect.addFlashAttribute("imported", new ImportSummary(token, result.experts().size(),
					String.join("、", result.unitsCreated()), result.unitsCreated().size()));
			redirect.addFlashAttribute("success", this.messages.get("expertimport.result.imported",
					result.experts().size(), result.unitsCreated().size()));
		}
		catch (ExpertImportRefused refused) {
			List<ImportProblemLines.Line> lines = this.problemLines.of(refused.getProblems());
			redirect.addFlashAttribute("problems",
					List.copyOf(lines.subList(0, Math.min(LISTED_PROBLEMS, lines.size()))));
			redirect.addFlashAttribute("unlisted", Math.max(0, lines.size() - LISTED_PROBLEMS));
			redirect.addFlashAttribute("error", this.messages.of(refused));
		}
		return "redirect:/organizer/experts/import";
	}

	/** The outcome of the upload just made; without one, back to the pool. */
	@GetMapping
	String outcome(Model model, HttpSession session) {
		model.addAttribute("importMaxRows", ExpertImportCheck.MAX_ROWS);
		if (model.containsAttribute("imported")) {
			ImportSummary summary = (ImportSummary) model.getAttribute("imported");
			LastImport last = (LastImport) session.getAttribute(PASSWORDS);
			model.addAttribute("passwords",
					(last != null && last.token().equals(summary.token())) ? last.passwords() : List.of());
			return VIEW;
		}
		return model.containsAttribute("problems") ? VIEW : "redirect:/organizer/experts";
	}

	@GetMapping("/{token}/passwords.xlsx")
	Object passwords(@PathVariable String token, HttpSession session, RedirectAttributes redirect) {
		LastImport last = (LastImport) session.getAttribute(PASSWORDS);
		if (last == null || !last.token().equals(token)) {
			redirect.addFlashAttribute("error", this.messages.get("expertimport.result.passwordsGone"));
			return "redirect:/organizer/experts";
		}
		List<List<String>> rows = last.passwords()
			.stream()
			.map(p -> List.of(p.username(), p.name(), p.password()))
			.toList();
		byte[] workbook = ExpertWorkbooks.table(this.messages.get("expertimport.passwords.sheet"),
				List.of(this.messages.get("expertimport.passwords.username"),
						this.messages.get("expertimport.passwords.name"),
						this.messages.get("expertimport.passwords.password")),
				rows);
		return download(workbook, this.messages.get("expertimport.passwords.filename"));
	}

	@GetMapping("/template.xlsx")
	ResponseEntity<byte[]> template(Locale locale) {
		return download(ExpertImportTemplate.workbook(locale, this.expertImport.categoryCodes(), this.messages),
				this.messages.get("expertimport.template.filename"));
	}

	static ResponseEntity<byte[]> download(byte[] workbook, String filename) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(workbook);
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null) {
			return new byte[0];
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The initial passwords of the organizer's last import, in their session. */
	record LastImport(String token, List<InitialPassword> passwords) implements Serializable {
	}

	/** What the outcome page says about an import that went through. */
	record ImportSummary(String token, int experts, String unitsCreated, int unitCount) implements Serializable {
	}

}
