package cn.jiandu.system;

/** Looks through the causes of a failure: frameworks wrap what really went wrong. */
final class Causes {

    private Causes() {
    }

    static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
