package io.evalflow.workflow;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.Execution;

import org.springframework.stereotype.Component;

/**
 * Delivers BPMN messages to the execution waiting for them. Delivering to nobody is not
 * an error: the engine runs service tasks at least once, and a message sent again finds
 * the execution already gone on.
 */
@Component
class Messages {

	private final RuntimeService runtime;

	Messages(RuntimeService runtime) {
		this.runtime = runtime;
	}

	boolean send(String processInstanceId, String message, Map<String, Object> variables) {
		Execution waiting = this.runtime.createExecutionQuery()
			.processInstanceId(processInstanceId)
			.messageEventSubscriptionName(message)
			.singleResult();
		return deliver(waiting, message, variables);
	}

	/**
	 * Delivers one message to many process instances with one query for the waiting
	 * executions.
	 * @param variables the variables per process instance id
	 * @return how many were waiting
	 */
	int sendAll(String message, Map<String, Map<String, Object>> variables) {
		if (variables.isEmpty()) {
			return 0;
		}
		List<Execution> waiting = this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(message)
			.processInstanceIds(new HashSet<>(variables.keySet()))
			.list();
		for (Execution execution : waiting) {
			this.runtime.messageEventReceived(message, execution.getId(),
					variables.get(execution.getProcessInstanceId()));
		}
		return waiting.size();
	}

	boolean sendToRound(Long campaignId, Integer roundNo, String message) {
		Execution waiting = this.runtime.createExecutionQuery()
			.messageEventSubscriptionName(message)
			.processVariableValueEquals("campaignId", campaignId)
			.processVariableValueEquals("roundNo", roundNo)
			.singleResult();
		return deliver(waiting, message, Map.of());
	}

	private boolean deliver(Execution waiting, String message, Map<String, Object> variables) {
		return Optional.ofNullable(waiting).map(execution -> {
			this.runtime.messageEventReceived(message, execution.getId(), variables);
			return true;
		}).orElse(false);
	}

}
