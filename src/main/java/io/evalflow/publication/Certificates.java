package io.evalflow.publication;

import java.util.List;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out the winners' certificates (获奖证书): one A4 landscape page per winner, framed,
 * with the campaign's name, the heading, the unit(s), the citation naming the case and
 * its category, and the organizer and date at the foot.
 */
final class Certificates {

	private static final PDRectangle A4_LANDSCAPE = new PDRectangle(PDRectangle.A4.getHeight(),
			PDRectangle.A4.getWidth());

	private static final float MARGIN = 90;

	private Certificates() {
	}

	/**
	 * One winner's certificate, its texts already in the reader's language.
	 *
	 * @param units the winning unit(s), joined with 、
	 * @param citation the sentence naming the case, its category and the award
	 */
	record Certificate(String campaignName, String heading, String units, String citation, String organizer,
			String date) {
	}

	static byte[] write(List<Certificate> certificates) {
		try (PdfWriter pdf = new PdfWriter(A4_LANDSCAPE, MARGIN)) {
			for (Certificate certificate : certificates) {
				page(pdf, certificate);
			}
			if (certificates.isEmpty()) {
				pdf.newPage();
			}
			return pdf.toBytes();
		}
	}

	private static void page(PdfWriter pdf, Certificate certificate) {
		pdf.newPage();
		pdf.frame(28, 3);
		pdf.frame(36, 0.8f);
		pdf.space(-20, 0);
		pdf.centered(certificate.campaignName(), 16, 26);
		pdf.space(18, 0);
		pdf.centered(certificate.heading(), 40, 56);
		pdf.space(28, 0);
		pdf.paragraph(certificate.units(), 18, 30, 0);
		pdf.space(10, 0);
		pdf.paragraph(certificate.citation(), 16, 28, 32);
		float foot = MARGIN + 40;
		float right = pdf.margin() + pdf.width();
		pdf.show(certificate.organizer(), right - pdf.textWidth(certificate.organizer(), 15), foot + 24, 15);
		pdf.show(certificate.date(), right - pdf.textWidth(certificate.date(), 14), foot, 14);
	}

}
