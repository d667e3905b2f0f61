package cn.jiandu.mail;

/**
 * Seals the address of a recipient who must stay unknown (a reporter) for the outbox, and opens it for
 * the one delivery that sends the mail. Implemented where the reporter's key lives (cases/ReporterSeal),
 * so that the outbox needs no key of its own and the same rotation applies.
 */
public interface AddressSeal {

    /** An address sealed under a key (its id stored beside it); {@code context} binds it to its place. */
    record Sealed(String keyId, String sealed) {
    }

    Sealed seal(String context, String address);

    /** The address; fails loudly if the key is missing or the bytes were altered. */
    String open(String context, Sealed sealed);

    /** The id of the key that seals now: anything sealed under another is sealed again at start. */
    String currentKeyId();
}
