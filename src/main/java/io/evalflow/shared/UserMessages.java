package io.evalflow.shared;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns message keys and refusals into sentences in the current user's language, for
 * flash messages and form errors.
 */
@Component
public class UserMessages {

	private final MessageSource messages;

	UserMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	public String of(DomainException refusal) {
		return get(refusal.getMessageKey(), refusal.getArguments());
	}

}
