package cn.jiandu.cases;

/** Who reported a problem, as they gave it; held in clear text only in memory, sealed at rest (ReporterSeal). */
public record ReporterIdentity(String name, String phone, String email) {

    public static ReporterIdentity of(String name, String phone, String email) {
        ReporterIdentity identity = new ReporterIdentity(blankToNull(name), blankToNull(phone), blankToNull(email));
        return identity.isEmpty() ? null : identity;
    }

    boolean isEmpty() {
        return name == null && phone == null && email == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
