package io.evalflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Appends to the audit log and reads it. There is deliberately no way to change or remove
 * a row.
 */
@Service
@Transactional(readOnly = true)
public class AuditLog {

	public static final int PAGE_SIZE = 50;

	/** Who acts when no user does: the engine's timers and jobs, start-up tasks. */
	public static final String SYSTEM = "system";

	static final int ACTOR_MAX = 100;

	static final int REASON_MAX = 1000;

	static final int DETAILS_MAX = 16_000;

	static final String COLUMNS = "seq, occurred_at, actor, action_key, subject_type, subject_id, campaign_id, "
			+ "reason, details, prev_hash, hash";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	private final EntityManager entities;

	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, EntityManager entities, Clock clock) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.clock = clock;
	}

	/**
	 * Appends the entry to the chain in the caller's transaction, which must exist: the
	 * row commits with the change or not at all. The head row is locked until the
	 * transaction ends, so appends queue and each links to the one committed before it.
	 * The transaction's own writes are flushed first: with the head always the last lock
	 * a transaction takes, waiting for it cannot close a deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	AuditRecord append(AuditEntry entry) {
		this.entities.flush();
		Map<String, Object> head = this.jdbc
			.queryForMap("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prevHash = (String) head.get("last_hash");
		AuditRecord unsigned = new AuditRecord(seq, AuditHash.truncate(this.clock.instant()),
				AuditHash.clean(actor(entry), ACTOR_MAX), entry.action(), entry.subjectType(), entry.subjectId(),
				entry.campaignId(),
				AuditHash.clean(StringUtils.hasText(entry.reason()) ? entry.reason() : null, REASON_MAX), AuditHash
					.clean(entry.details().isEmpty() ? null : JSON.writeValueAsString(entry.details()), DETAILS_MAX),
				prevHash, null);
		AuditRecord row = new AuditRecord(seq, unsigned.occurredAt(), unsigned.actor(), unsigned.action(),
				unsigned.subjectType(), unsigned.subjectId(), unsigned.campaignId(), unsigned.reason(),
				unsigned.details(), prevHash, AuditHash.of(unsigned));
		this.jdbc.update("INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				row.seq(), LocalDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC), row.actor(), row.action(),
				row.subjectType(), row.subjectId(), row.campaignId(), row.reason(), row.details(), row.prevHash(),
				row.hash());
		this.jdbc.update("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1", row.seq(), row.hash());
		return row;
	}

	private static String actor(AuditEntry entry) {
		if (StringUtils.hasText(entry.actor())) {
			return entry.actor();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& StringUtils.hasText(authentication.getName())) {
			return authentication.getName();
		}
		return SYSTEM;
	}

	/**
	 * A page of the log, newest first, of one campaign or of all.
	 */
	public Page<AuditRecord> page(Long campaignId, int page) {
		int number = Math.max(page, 0);
		long offset = (long) number * PAGE_SIZE;
		List<AuditRecord> rows;
		long total;
		if (campaignId == null) {
			rows = this.jdbc.query("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq DESC LIMIT ? OFFSET ?", ROW,
					PAGE_SIZE, offset);
			total = this.jdbc.queryForObject("SELECT last_seq FROM audit_head WHERE id = 1", Long.class);
		}
		else {
			rows = this.jdbc.query(
					"SELECT " + COLUMNS + " FROM audit_event WHERE campaign_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?",
					ROW, campaignId, PAGE_SIZE, offset);
			total = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE campaign_id = ?", Long.class,
					campaignId);
		}
		return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), total);
	}

	/** The rows of one subject, oldest first. */
	public List<AuditRecord> about(String subjectType, Long subjectId) {
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY seq", ROW,
				subjectType, subjectId);
	}

	static final RowMapper<AuditRecord> ROW = AuditLog::row;

	static AuditRecord row(ResultSet rs, int rowNum) throws SQLException {
		LocalDateTime occurred = rs.getObject("occurred_at", LocalDateTime.class);
		Instant at = (occurred != null) ? occurred.toInstant(ZoneOffset.UTC) : null;
		return new AuditRecord(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("action_key"),
				rs.getString("subject_type"), nullableLong(rs, "subject_id"), nullableLong(rs, "campaign_id"),
				rs.getString("reason"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
