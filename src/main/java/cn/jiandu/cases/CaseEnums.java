package cn.jiandu.cases;

import cn.jiandu.common.Labelled;
import java.util.Arrays;
import java.util.List;

/** The value lists of docs/route.md, each with the Chinese label people read. */
public final class CaseEnums {

    public enum Source implements Labelled {
        INSPECTION("监督检查发现"), STATIONED_GROUP("派驻纪检监察组报送"), PUBLIC_REPORT("群众举报"),
        HOTLINE("举报热线"), MEDIA("媒体曝光"), HIGHER_REFERRAL("上级交办");
        private final String label;
        Source(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum ProblemType implements Labelled {
        RESPONSIBILITY_NOT_IMPLEMENTED("属地责任落实不到位"), INEFFECTIVE_PREVENTION("防控不力"),
        BUCK_PASSING("推诿扯皮、敷衍塞责"), CONCEALED_REPORTING("缓报瞒报漏报疫情"),
        DEFIANCE_OF_ORDERS("有令不行、有禁不止"), FORMALISM_BUREAUCRATISM("形式主义官僚主义"),
        RUMOR_SPREADING("造谣传谣"), MISUSE_OF_FUNDS("贪污截留私分挪用防控款物"),
        HARMING_PUBLIC_INTEREST("漠视侵害群众利益"), OTHER("其他");
        private final String label;
        ProblemType(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Severity implements Labelled {
        MINOR("情节较轻"), SERIOUS("情节较重"), GRAVE("情节严重");
        private final String label;
        Severity(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Zone implements Labelled {
        NORTH("北片区"), SOUTH("南片区");
        private final String label;
        Zone(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Disposal implements Labelled {
        PRELIMINARY_VERIFICATION("初步核实"), TALK_OR_LETTER_INQUIRY("谈话函询"), HOLD("暂存待查"), CLOSE("予以了结");
        private final String label;
        Disposal(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** How an inquiry (谈话函询) ends: route version 2. */
    public enum InquiryOutcome implements Labelled {
        ACCEPTED("采信了结"), LIGHT_HANDLING("谈话提醒、批评教育、责令检查、诫勉"), REPEAT("再次谈话函询"),
        TO_VERIFICATION("转初步核实");
        private final String label;
        InquiryOutcome(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** How a preliminary verification (初步核实) ends: route version 2. */
    public enum VerificationOutcome implements Labelled {
        CLOSE("予以了结"), ACCOUNTABILITY("问责"), PROPOSE_FILING("拟立案审查调查"), REFER("移交有关党组织处理"),
        HOLD("暂存待查");
        private final String label;
        VerificationOutcome(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum FaultToleranceOutcome implements Labelled {
        EXEMPT("免责"), MITIGATE("从轻减轻"), NOT_APPLICABLE("不予容错");
        private final String label;
        FaultToleranceOutcome(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum OverdueAction implements Labelled {
        EXTEND("延期"), REASSIGN("改派"), URGE("督促");
        private final String label;
        OverdueAction(String label) { this.label = label; }
        public String label() { return label; }
    }

    private CaseEnums() {
    }

    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public static <E extends Enum<E>> boolean isValid(Class<E> type, String value) {
        return value != null && names(type).contains(value);
    }
}
