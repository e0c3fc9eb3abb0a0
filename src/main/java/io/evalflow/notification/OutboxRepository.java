package io.evalflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The outbox table. Every change after the insert is a conditional update whose
 * {@code WHERE} clause checks the status the change starts from: the row count tells the
 * caller whether it won, so two senders (or a sender and an organizer) never both act on
 * one message.
 */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

	boolean existsByDedupeKey(String dedupeKey);

	Optional<OutboxMessage> findByDedupeKey(String dedupeKey);

	Page<OutboxMessage> findByStatus(OutboxStatus status, Pageable pageable);

	@Query("select m.status, count(m) from OutboxMessage m group by m.status")
	List<Object[]> countByStatus();

	@Query("select m.id from OutboxMessage m where m.status = io.evalflow.notification.OutboxStatus.PENDING"
			+ " and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
	List<Long> findDueIds(Instant now, Pageable batch);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update OutboxMessage m set m.status = io.evalflow.notification.OutboxStatus.SENDING, m.claimedAt = :claimedAt"
			+ " where m.id = :id and m.status = io.evalflow.notification.OutboxStatus.PENDING"
			+ " and m.nextAttemptAt <= :now")
	int claim(Long id, Instant claimedAt, Instant now);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update OutboxMessage m set m.status = io.evalflow.notification.OutboxStatus.SENT, m.sentAt = :sentAt,"
			+ " m.claimedAt = null, m.lastError = null"
			+ " where m.id = :id and m.status = io.evalflow.notification.OutboxStatus.SENDING"
			+ " and m.claimedAt = :claimedAt")
	int markSent(Long id, Instant claimedAt, Instant sentAt);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update OutboxMessage m set m.status = :status, m.attempts = m.attempts + 1,"
			+ " m.nextAttemptAt = :nextAttemptAt, m.lastError = :error, m.claimedAt = null"
			+ " where m.id = :id and m.status = io.evalflow.notification.OutboxStatus.SENDING"
			+ " and m.claimedAt = :claimedAt")
	int markFailed(Long id, Instant claimedAt, OutboxStatus status, Instant nextAttemptAt, String error);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update OutboxMessage m set m.status = io.evalflow.notification.OutboxStatus.PENDING, m.claimedAt = null"
			+ " where m.status = io.evalflow.notification.OutboxStatus.SENDING and m.claimedAt < :claimedBefore")
	int reclaimStale(Instant claimedBefore);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update OutboxMessage m set m.status = io.evalflow.notification.OutboxStatus.PENDING,"
			+ " m.nextAttemptAt = :now where m.id = :id and m.status = io.evalflow.notification.OutboxStatus.FAILED")
	int retryFailed(Long id, Instant now);

}
