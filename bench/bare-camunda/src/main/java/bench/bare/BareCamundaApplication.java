package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda's Spring Boot starter with the webapps and nothing of Jiandu's. */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareCamundaApplication.class, args);
    }
}
