package cn.jiandu.rectification;

import cn.jiandu.common.Labelled;

/** The choices of the rectification's steps; each with the label its form shows. */
final class RectificationEnums {

    private RectificationEnums() {
    }

    /** checkRectification: how far the unit has rectified. */
    enum CheckResult implements Labelled {
        ACCEPTED("整改到位"), PARTLY("部分整改到位"), REJECTED("整改不到位");

        private final String label;

        CheckResult(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** reviewOverdueRectification: what leaders decide when the deadline has passed. */
    enum OverdueAction implements Labelled {
        URGE("督促整改"), EXTEND("延长整改期限"), OPEN_CASE("立案追究整改不实不力");

        private final String label;

        OverdueAction(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** recordFollowUp: how the team looked again. */
    enum FollowUpMode implements Labelled {
        ON_SITE("实地查看"), VIDEO("视频连线");

        private final String label;

        FollowUpMode(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** recordFollowUp: whether the rectification held. */
    enum FollowUpResult implements Labelled {
        SUSTAINED("整改成果巩固"), RELAPSED("问题反弹");

        private final String label;

        FollowUpResult(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
