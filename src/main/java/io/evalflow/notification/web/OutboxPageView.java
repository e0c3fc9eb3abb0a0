package io.evalflow.notification.web;

import java.util.List;

import io.evalflow.notification.OutboxMessage;

import org.springframework.data.domain.Page;

/**
 * One page of the outbox, newest first; {@code page} counts from 0.
 */
record OutboxPageView(List<OutboxMessageView> messages, int page, int pageSize, long totalMessages, int totalPages) {

	static OutboxPageView of(Page<OutboxMessage> page) {
		return new OutboxPageView(page.map(m -> OutboxMessageView.of(m, false)).getContent(), page.getNumber(),
				page.getSize(), page.getTotalElements(), page.getTotalPages());
	}

}
