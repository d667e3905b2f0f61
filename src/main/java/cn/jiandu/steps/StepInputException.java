package cn.jiandu.steps;

/** Input a step does not take, or takes in another form; the message names the field and says what is allowed. */
public class StepInputException extends RuntimeException {

    private final String field;

    StepInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
