package io.evalflow.shared;

/**
 * The thing does not exist, or the caller may not know that it does: both answer 404.
 */
public class NotFoundException extends DomainException {

	public NotFoundException(String what, Object id) {
		super("error.notFound", what, id);
	}

}
