package cn.jiandu.publicreport;

import cn.jiandu.system.PlainText;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The fields of /report as the browser sends them; validated before anything else happens. */
record PublicReportForm(
        @NotBlank(message = "请用一句话概括反映的问题") @Size(max = 100, message = "问题概括不能超过 100 个字")
        @PlainText(message = "问题概括不能含有控制字符") String title,
        @NotBlank(message = "请写明发生了什么") @Size(max = 5000, message = "问题描述不能超过 5000 个字")
        @PlainText(message = "问题描述不能含有控制字符") String description,
        @NotBlank(message = "请填写涉及的单位或社区") @Size(max = 100, message = "单位或社区不能超过 100 个字")
        @PlainText(message = "单位或社区不能含有控制字符") String unit,
        @Size(max = 100, message = "街道不能超过 100 个字") @PlainText(message = "街道不能含有控制字符") String street,
        @Pattern(regexp = "|NORTH|SOUTH", message = "片区请从列表中选择") String zone,
        @NotBlank(message = "请填写问题发生的时间，大致即可") @Size(max = 100, message = "发生时间不能超过 100 个字")
        @PlainText(message = "发生时间不能含有控制字符") String happenedAt,
        @Pattern(regexp = "NAMED|ANONYMOUS", message = "请选择实名或匿名举报") String identity,
        @Size(max = 50, message = "姓名不能超过 50 个字") @PlainText(message = "姓名不能含有控制字符") String reporterName,
        @Pattern(regexp = "|[0-9+\\- ]{5,20}", message = "联系电话只能包含数字、空格、+ 和 -，5 到 20 位") String reporterPhone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 200, message = "电子邮箱不能超过 200 个字符") String reporterEmail,
        boolean acknowledged,
        String altcha) {

    boolean anonymous() {
        return !"NAMED".equals(identity);
    }

    @AssertTrue(message = "实名举报请填写姓名和联系电话；不愿留下姓名请选择匿名举报")
    boolean isNamedComplete() {
        return anonymous() || notBlank(reporterName) && notBlank(reporterPhone);
    }

    @AssertTrue(message = "请阅读并确认关于如实举报和诬告陷害的说明")
    boolean isAcknowledgedChecked() {
        return acknowledged;
    }

    /** The description as the case records it: what happened, then where and when. */
    String caseDescription() {
        String where = unit.strip() + (notBlank(street) ? "（" + street.strip() + "）" : "");
        return description.strip() + "\n\n【发生地点】" + where + "\n【发生时间】" + happenedAt.strip();
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
