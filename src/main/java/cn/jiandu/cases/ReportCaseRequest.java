package cn.jiandu.cases;

import cn.jiandu.system.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A problem as reported over POST /api/cases (docs/route.md: what a report takes). */
public record ReportCaseRequest(
        @NotBlank(message = "请填写问题标题") @Size(max = 200, message = "问题标题不能超过 200 个字")
        @PlainText(message = "问题标题不能含有控制字符或无效的 Unicode 字符")
        String title,
        @NotBlank(message = "请填写问题描述") @Size(max = 10000, message = "问题描述不能超过 10000 个字")
        @PlainText(message = "问题描述不能含有换行、制表符以外的控制字符或无效的 Unicode 字符")
        String description,
        @NotNull(message = "请填写问题来源")
        @Pattern(regexp = "INSPECTION|STATIONED_GROUP|PUBLIC_REPORT|HOTLINE|MEDIA|HIGHER_REFERRAL",
                message = "问题来源须为 INSPECTION、STATIONED_GROUP、PUBLIC_REPORT、HOTLINE、MEDIA、HIGHER_REFERRAL 之一")
        String source,
        @NotBlank(message = "请填写涉及的单位或社区") @Size(max = 200, message = "单位名称不能超过 200 个字")
        @PlainText(message = "单位名称不能含有控制字符或无效的 Unicode 字符")
        String unit,
        @Size(max = 2000, message = "涉及人员不能超过 2000 个字")
        @PlainText(message = "涉及人员不能含有换行、制表符以外的控制字符或无效的 Unicode 字符")
        String personsInvolved,
        @Size(max = 100, message = "举报人姓名不能超过 100 个字")
        @PlainText(message = "举报人姓名不能含有控制字符或无效的 Unicode 字符")
        String reporterName,
        @Pattern(regexp = "[0-9+\\- ]{5,20}", message = "联系电话只能包含数字、空格、+ 和 -，5 到 20 位")
        String reporterPhone,
        @Email(message = "电子邮箱格式不正确") @Size(max = 200, message = "电子邮箱不能超过 200 个字符")
        String reporterEmail,
        Boolean anonymous,
        @Pattern(regexp = "RESPONSIBILITY_NOT_IMPLEMENTED|INEFFECTIVE_PREVENTION|BUCK_PASSING|CONCEALED_REPORTING"
                + "|DEFIANCE_OF_ORDERS|FORMALISM_BUREAUCRATISM|RUMOR_SPREADING|MISUSE_OF_FUNDS|HARMING_PUBLIC_INTEREST|OTHER",
                message = "问题类型须为以下之一：RESPONSIBILITY_NOT_IMPLEMENTED、INEFFECTIVE_PREVENTION、BUCK_PASSING、"
                        + "CONCEALED_REPORTING、DEFIANCE_OF_ORDERS、FORMALISM_BUREAUCRATISM、RUMOR_SPREADING、MISUSE_OF_FUNDS、"
                        + "HARMING_PUBLIC_INTEREST、OTHER")
        String problemType,
        @Pattern(regexp = "NORTH|SOUTH", message = "片区须为 NORTH 或 SOUTH")
        String zone) {

    boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }
}
