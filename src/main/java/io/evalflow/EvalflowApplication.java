package io.evalflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EvalflowApplication {

	/**
	 * Times are stored in UTC (Hibernate's JDBC time zone) and shown in the organizer's
	 * zone, Beijing time unless {@code EVALFLOW_TIME_ZONE} says otherwise: screens format
	 * with the JVM's default zone.
	 */
	public static void main(String[] args) {
		String zone = System.getenv().getOrDefault("EVALFLOW_TIME_ZONE", "Asia/Shanghai");
		TimeZone.setDefault(TimeZone.getTimeZone(zone));
		SpringApplication.run(EvalflowApplication.class, args);
	}

}
