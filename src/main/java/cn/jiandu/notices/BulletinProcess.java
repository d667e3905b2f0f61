package cn.jiandu.notices;

/** Ids of processes/notice-bulletin.bpmn that the Java side uses: one place, so a rename is one edit. */
public final class BulletinProcess {

    public static final String PROCESS_KEY = "noticeBulletin";

    public static final String BULLETIN_REQUESTED = "bulletinRequested";
    public static final String REGISTER_BULLETIN = "registerBulletin";
    /** The step ids of the design's approval of a notice, reused for the bulletin. */
    public static final String DRAFT_NOTICE = "draftNotice";
    public static final String APPROVE_NOTICE = "approveNotice";
    public static final String PUBLISH_BULLETIN = "publishBulletin";
    public static final String BULLETIN_PUBLISHED = "bulletinPublished";

    public static final String CASE_NUMBERS = "caseNumbers";
    public static final String BULLETIN_ID = "bulletinId";
    public static final String BULLETIN_TITLE = "bulletinTitle";
    public static final String BULLETIN_BODY = "bulletinBody";
    public static final String NOTICE_APPROVED = "noticeApproved";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVED_BY = "bulletinApprovedBy";
    public static final String REGISTERED_BY = "registeredBy";

    private BulletinProcess() {
    }
}
