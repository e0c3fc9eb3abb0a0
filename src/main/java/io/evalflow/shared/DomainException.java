package io.evalflow.shared;

import java.util.Arrays;

/**
 * A refusal the user caused and can correct. It carries a message-bundle key, never a
 * sentence, so the web layer answers in the user's language. Thrown inside a transaction,
 * it rolls everything back.
 */
public class DomainException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public DomainException(String messageKey, Object... arguments) {
		super(messageKey + Arrays.toString(arguments));
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String getMessageKey() {
		return this.messageKey;
	}

	public Object[] getArguments() {
		return this.arguments.clone();
	}

}
