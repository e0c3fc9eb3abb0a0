package io.evalflow.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical form is fixed byte for byte: a hash written today must verify on any
 * database and any later version of the code.
 */
class AuditHashTests {

	private static final AuditRecord ROW = new AuditRecord(7, Instant.parse("2026-11-25T08:28:07Z"), "organizer",
			"application.ineligible", "application", 42L, null, "材料不全", "{\"referenceNo\":\"egov-2012-MGMT-00042\"}",
			AuditHash.GENESIS, null);

	@Test
	void theCanonicalFormIsEachFieldAsUtf8LengthColonBytesWithADashForNothing() {
		String expected = "17:evalflow-audit-v1\n1:7\n20:2026-11-25T08:28:07Z\n9:organizer\n"
				+ "22:application.ineligible\n11:application\n2:42\n-\n12:材料不全\n"
				+ "38:{\"referenceNo\":\"egov-2012-MGMT-00042\"}\n64:" + "0".repeat(64) + "\n";
		assertThat(new String(AuditHash.canonical(ROW), StandardCharsets.UTF_8)).isEqualTo(expected);
	}

	@Test
	void theHashIsTheSha256OfTheCanonicalForm() {
		// Computed outside Java (Python's hashlib) over the bytes above.
		assertThat(AuditHash.of(ROW)).isEqualTo("5b477746de6774a76d752e38cead81d4f9f0698070346004817b968b5e023656");
	}

	@Test
	void theStoredHashIsLeftOutOfItsOwnHash() {
		AuditRecord signed = with(ROW, ROW.reason(), ROW.actor(), AuditHash.of(ROW));
		assertThat(AuditHash.of(signed)).isEqualTo(AuditHash.of(ROW));
		assertThat(signed.hashMatches()).isTrue();
	}

	@Test
	void everyFieldCountsAndNothingIsNotTheSameAsEmpty() {
		String hash = AuditHash.of(ROW);
		assertThat(AuditHash.of(with(ROW, "材料不全 ", ROW.actor(), null))).isNotEqualTo(hash);
		assertThat(AuditHash.of(with(ROW, ROW.reason(), "organizer2", null))).isNotEqualTo(hash);
		assertThat(AuditHash.of(with(ROW, null, ROW.actor(), null)))
			.isNotEqualTo(AuditHash.of(with(ROW, "", ROW.actor(), null)));
		assertThat(AuditHash.of(new AuditRecord(8, ROW.occurredAt(), ROW.actor(), ROW.action(), ROW.subjectType(),
				ROW.subjectId(), ROW.campaignId(), ROW.reason(), ROW.details(), ROW.prevHash(), null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash
			.of(new AuditRecord(7, ROW.occurredAt().plusSeconds(1), ROW.actor(), ROW.action(), ROW.subjectType(),
					ROW.subjectId(), ROW.campaignId(), ROW.reason(), ROW.details(), ROW.prevHash(), null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditRecord(7, ROW.occurredAt(), ROW.actor(), ROW.action(), ROW.subjectType(),
				ROW.subjectId(), ROW.campaignId(), ROW.reason(), ROW.details(), "1" + "0".repeat(63), null)))
			.isNotEqualTo(hash);
	}

	@Test
	void textMovedFromOneFieldToTheNextGivesAnotherHash() {
		AuditRecord a = new AuditRecord(1, ROW.occurredAt(), "ab", "c", "x", null, null, null, null, AuditHash.GENESIS,
				null);
		AuditRecord b = new AuditRecord(1, ROW.occurredAt(), "a", "bc", "x", null, null, null, null, AuditHash.GENESIS,
				null);
		assertThat(AuditHash.of(a)).isNotEqualTo(AuditHash.of(b));
	}

	@Test
	void timesAreKeptToTheSecondWhichEveryDriverReturnsAsWritten() {
		Instant precise = Instant.parse("2026-11-25T08:28:07.123456789Z");
		assertThat(AuditHash.truncate(precise)).isEqualTo(Instant.parse("2026-11-25T08:28:07Z"));
		AuditRecord whole = new AuditRecord(1, Instant.parse("2026-11-25T08:28:00Z"), "a", "b", "c", null, null, null,
				null, AuditHash.GENESIS, null);
		assertThat(new String(AuditHash.canonical(whole), StandardCharsets.UTF_8))
			.contains("\n20:2026-11-25T08:28:00Z\n");
	}

	@Test
	void textIsCutToTheColumnWithoutSplittingACharacterAndLoneSurrogatesAreReplaced() {
		assertThat(AuditHash.clean("abcdef", 4)).isEqualTo("abcd");
		assertThat(AuditHash.clean("评审专家", 3)).isEqualTo("评审专");
		// U+1F600 is two UTF-16 units: it fits whole or not at all.
		assertThat(AuditHash.clean("ab\uD83D\uDE00", 3)).isEqualTo("ab");
		assertThat(AuditHash.clean("ab\uD83D\uDE00", 4)).isEqualTo("ab\uD83D\uDE00");
		assertThat(AuditHash.clean("a\uD83Db", 10)).isEqualTo("a\uFFFDb");
		assertThat(AuditHash.clean(null, 10)).isNull();
	}

	private static AuditRecord with(AuditRecord row, String reason, String actor, String hash) {
		return new AuditRecord(row.seq(), row.occurredAt(), actor, row.action(), row.subjectType(), row.subjectId(),
				row.campaignId(), reason, row.details(), row.prevHash(), hash);
	}

}
