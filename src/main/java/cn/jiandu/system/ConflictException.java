package cn.jiandu.system;

/** A request that conflicts with what is already stored: answered 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
