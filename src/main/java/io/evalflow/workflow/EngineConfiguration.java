package io.evalflow.workflow;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	/**
	 * Flowable 8 leaves a parallel multi-instance through an async job after each
	 * instance completes. That job then races the next expert's submission on the same
	 * application and fails it with an optimistic-locking error. Without it, completing
	 * an instance locks the multi-instance's parent scope, so experts finishing the same
	 * application at once are serialised instead of refused.
	 */
	@Bean
	EngineConfigurationConfigurer<SpringProcessEngineConfiguration> serialisedReviewCompletion() {
		return configuration -> configuration.setParallelMultiInstanceAsyncLeave(false);
	}

}
