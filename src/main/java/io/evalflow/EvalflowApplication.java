package io.evalflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EvalflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(EvalflowApplication.class, args);
	}

}
