package io.evalflow.workflow;

import java.time.Clock;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine reads the application's {@link Clock}: a timer falls due by the same "now"
 * that the services compare deadlines with inside their transactions, and a test that
 * moves the clock past a deadline moves both. The engine's own clock is a static
 * singleton that would have to be set apart and could drift from the services' view.
 */
class EngineClock implements org.flowable.common.engine.impl.runtime.Clock {

	private final Clock clock;

	EngineClock(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Date getCurrentTime() {
		return Date.from(this.clock.instant());
	}

	@Override
	public Calendar getCurrentCalendar() {
		Calendar calendar = new GregorianCalendar();
		calendar.setTime(getCurrentTime());
		return calendar;
	}

	@Override
	public Calendar getCurrentCalendar(TimeZone timeZone) {
		Calendar calendar = new GregorianCalendar(timeZone);
		calendar.setTime(getCurrentTime());
		return calendar;
	}

	@Override
	public TimeZone getCurrentTimeZone() {
		return TimeZone.getDefault();
	}

	@Override
	public void setCurrentTime(Date currentTime) {
		throw new UnsupportedOperationException("the engine follows the application's Clock; move that instead");
	}

	@Override
	public void setCurrentCalendar(Calendar currentTime) {
		throw new UnsupportedOperationException("the engine follows the application's Clock; move that instead");
	}

	@Override
	public void reset() {
		// Nothing to reset: the time is always the application's.
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

		@Bean
		EngineConfigurationConfigurer<SpringProcessEngineConfiguration> applicationClockForTheEngine(Clock clock) {
			return configuration -> configuration.setClock(new EngineClock(clock));
		}

	}

}
