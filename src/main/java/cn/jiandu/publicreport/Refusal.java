package cn.jiandu.publicreport;

import org.springframework.http.HttpStatus;

/** A submission the page turns down, with the status and the Chinese sentence the citizen reads. */
class Refusal extends RuntimeException {

    private final HttpStatus status;

    Refusal(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
