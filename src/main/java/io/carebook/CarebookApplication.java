package io.carebook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CarebookApplication {
  public static void main(String[] args) {
    SpringApplication.run(CarebookApplication.class, args);
  }
}
