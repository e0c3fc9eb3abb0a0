package io.evalflow.publication.web;

import java.util.Locale;

import io.evalflow.publication.PublicationDownloads.Format;
import io.evalflow.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Response helpers shared by the pages' and the API's downloads. */
final class Downloads {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private Downloads() {
	}

	static ResponseEntity<byte[]> pdf(String filename, byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(pdf);
	}

	/** Sets the headers of an export about to be streamed into the response. */
	static void export(HttpServletResponse response, String filename, Format format) {
		response.setContentType(((format == Format.XLSX) ? XLSX : CSV).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(filename + ((format == Format.XLSX) ? ".xlsx" : ".csv"))
					.build()
					.toString());
	}

	static Format format(String extension) {
		return switch (extension.toLowerCase(Locale.ROOT)) {
			case "xlsx" -> Format.XLSX;
			case "csv" -> Format.CSV;
			default -> throw new NotFoundException("format", extension);
		};
	}

}
