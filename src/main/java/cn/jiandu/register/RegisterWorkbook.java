package cn.jiandu.register;

import cn.jiandu.cases.CaseFilter;
import cn.jiandu.cases.CaseQueries;
import cn.jiandu.cases.CaseView;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The register's search as an Excel workbook: 案件台账 (one row a case), 问责人员 (one row a person, with
 * responsibility, recommended and decided measure, served date) and 说明 (the search, when, and whether the
 * export was cut). Dates are Excel dates in the commission's time zone, written with a date format.
 * Streamed: at most 100 rows are in memory at a time.
 */
@Component
class RegisterWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CASES = "案件台账";
    static final String PERSONS = "问责人员";
    static final String ABOUT = "说明";
    static final String[] CASE_HEADERS = {"案件编号", "问题标题", "涉及单位", "问题类型", "片区", "问题来源", "办理阶段",
        "办结结果", "登记时间", "最近更新", "最早到期", "是否逾期", "涉及人员（登记时）", "被问责人员及问责方式",
        "整改"};
    static final String[] PERSON_HEADERS = {"案件编号", "姓名", "单位", "职务", "责任类型", "建议问责方式", "问责方式",
        "所属形态", "送达日期"};

    private final RegisterLabels labels;
    private final Clock clock;

    RegisterWorkbook(RegisterLabels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    /** {@code rectifications}: each case's rectification state in words (RectificationQueries.statesOfCases). */
    void write(CaseQueries.Listing listing, Map<String, String> rectifications, CaseFilter filter, int limit,
            OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);

            SXSSFSheet cases = workbook.createSheet(CASES);
            headers(cases, CASE_HEADERS, header);
            SXSSFSheet persons = workbook.createSheet(PERSONS);
            headers(persons, PERSON_HEADERS, header);
            int caseRow = 1;
            int personRow = 1;
            for (CaseQueries.Listing.Row listed : listing.rows()) {
                CaseView.Summary c = listed.summary();
                Row row = cases.createRow(caseRow++);
                text(row, 0, c.caseNumber());
                text(row, 1, c.title());
                text(row, 2, c.unit());
                text(row, 3, labels.problemType(c.problemType()));
                text(row, 4, labels.zone(c.zone()));
                text(row, 5, labels.source(c.source()));
                text(row, 6, labels.stage(c.stage()));
                text(row, 7, labels.outcome(c.outcome()));
                at(row, 8, c.reportedAt(), dateTime);
                at(row, 9, c.updatedAt(), dateTime);
                at(row, 10, c.dueAt(), dateTime);
                text(row, 11, c.overdue() ? "已逾期" : "");
                text(row, 12, c.personsInvolved());
                text(row, 14, rectifications.get(c.caseNumber()));
                StringJoiner held = new StringJoiner("\n");
                for (CaseView.PersonView p : listed.persons()) {
                    held.add(p.name() + "（" + nonNull(p.responsibilityLabel()) + "）"
                            + (p.measureLabel() == null ? "" : "：" + p.measureLabel()));
                    Row line = persons.createRow(personRow++);
                    text(line, 0, c.caseNumber());
                    text(line, 1, p.name());
                    text(line, 2, p.unit());
                    text(line, 3, p.post());
                    text(line, 4, p.responsibilityLabel());
                    text(line, 5, p.recommendedMeasureLabel());
                    text(line, 6, p.measureLabel());
                    text(line, 7, p.formLabel());
                    if (p.servedOn() != null) {
                        line.createCell(8).setCellValue(p.servedOn());
                        line.getCell(8).setCellStyle(date);
                    }
                }
                text(row, 13, held.toString()).setCellStyle(wrapped);
            }
            widths(cases, new int[] {16, 36, 24, 20, 10, 16, 14, 18, 17, 17, 17, 10, 30, 40, 20});
            widths(persons, new int[] {16, 12, 24, 16, 14, 16, 16, 14, 12});

            Sheet about = workbook.createSheet(ABOUT);
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"导出时间", labels.dateTime(OffsetDateTime.now(clock))});
            lines.add(new String[] {"查询条件", describe(filter)});
            lines.add(new String[] {"符合条件的案件", listing.total() + " 件"});
            lines.add(new String[] {"本表所含案件", listing.rows().size() + " 件"});
            if (listing.total() > listing.rows().size()) {
                lines.add(new String[] {"注意", "每次导出最多 " + limit + " 件，本次只导出了按所选排序的前 "
                        + listing.rows().size() + " 件。请缩小查询条件（如登记日期）分批导出。"});
            }
            for (int i = 0; i < lines.size(); i++) {
                Row row = about.createRow(i);
                text(row, 0, lines.get(i)[0]).setCellStyle(header);
                text(row, 1, lines.get(i)[1]);
            }
            about.setColumnWidth(0, 18 * 256);
            about.setColumnWidth(1, 90 * 256);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    /** The search in words, as the 说明 sheet states it. */
    String describe(CaseFilter f) {
        StringJoiner parts = new StringJoiner("；").setEmptyValue("全部案件（本人可查看的范围内）");
        add(parts, "案件编号含", f.caseNumber());
        add(parts, "单位含", f.unit());
        add(parts, "人员含", f.person());
        add(parts, "关键词", f.keyword());
        add(parts, "办理阶段", f.stage() == null ? null : labels.stage(f.stage().name()));
        add(parts, "办结结果", f.outcome() == null ? null : labels.outcome(f.outcome().name()));
        add(parts, "片区", f.zone() == null ? null : f.zone().label());
        add(parts, "问题类型", f.problemType() == null ? null : f.problemType().label());
        add(parts, "问题来源", f.source() == null ? null : f.source().label());
        add(parts, "登记日期自", f.reportedFrom() == null ? null : f.reportedFrom().toString());
        add(parts, "登记日期至", f.reportedTo() == null ? null : f.reportedTo().toString());
        add(parts, "逾期", f.overdue() == null ? null : f.overdue() ? "已逾期" : "未逾期");
        return parts + "；排序：" + f.sort().label();
    }

    private static void add(StringJoiner parts, String name, String value) {
        if (value != null) {
            parts.add(name + "：" + value);
        }
    }

    private static void headers(SXSSFSheet sheet, String[] names, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i]).setCellStyle(style);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(SXSSFSheet sheet, int[] characters) {
        for (int i = 0; i < characters.length; i++) {
            sheet.setColumnWidth(i, characters[i] * 256);
        }
    }

    private static org.apache.poi.ss.usermodel.Cell text(Row row, int column, String value) {
        var cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    private void at(Row row, int column, OffsetDateTime at, CellStyle style) {
        if (at != null) {
            var cell = row.createCell(column);
            cell.setCellValue(LocalDateTime.ofInstant(at.toInstant(), clock.getZone()));
            cell.setCellStyle(style);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
