package cn.jiandu.engineapi;

/** A call the gate answers itself, with a message a person can act on. */
class Refusal extends RuntimeException {

    private final int status;
    private final String field;

    Refusal(int status, String message) {
        this(status, message, null);
    }

    Refusal(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
