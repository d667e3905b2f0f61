package cn.jiandu.cases;

import cn.jiandu.mail.AddressSeal;
import org.springframework.stereotype.Component;

/** The outbox's seal of a reporter's address: the reporter's own (ReporterSeal), under the same keys. */
@Component
class ReporterAddressSeal implements AddressSeal {

    private final ReporterSeal seal;
    private final ReporterKeys keys;

    ReporterAddressSeal(ReporterSeal seal, ReporterKeys keys) {
        this.seal = seal;
        this.keys = keys;
    }

    @Override
    public Sealed seal(String context, String address) {
        ReporterSeal.Sealed sealed = seal.seal(context, ReporterIdentity.of(null, null, address));
        if (sealed == null) {
            throw new IllegalArgumentException("no address to seal");
        }
        return new Sealed(sealed.keyId(), sealed.sealed());
    }

    @Override
    public String open(String context, Sealed sealed) {
        ReporterIdentity identity = seal.open(context, new ReporterSeal.Sealed(sealed.keyId(), sealed.sealed()));
        if (identity == null || identity.email() == null) {
            throw new IllegalStateException("the sealed address of a mail of " + context + " holds no address");
        }
        return identity.email();
    }

    @Override
    public String currentKeyId() {
        return keys.currentId();
    }
}
