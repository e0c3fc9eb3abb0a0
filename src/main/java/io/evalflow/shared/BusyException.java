package io.evalflow.shared;

/**
 * The request lost a race with other users' requests several times over: nothing was
 * changed, and sending it again shortly will most likely succeed.
 */
public class BusyException extends DomainException {

	public BusyException() {
		super("error.busy");
	}

}
