package cn.jiandu.notices;

import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.cases.CaseStage;
import cn.jiandu.notices.Bulletin.CaseFacts;
import cn.jiandu.notices.BulletinDraft.DraftCase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Registers a bulletin publicity starts: only cases that wait for one (typical, decision served, stage
 * NOTICE, route version 2) and are in no other open bulletin. A refusal is a FormFieldValidationException
 * naming the field, which Tasklist and the REST API show as a 400 with its message; nothing is stored.
 * The body is drafted from the record, for publicity to edit.
 */
@Service
class BulletinRegistration {

    /** What the start form gave, already held to the step's fields and lengths by the gate. */
    record Requested(String caseNumbers, String title, String registeredBy, String processInstanceId) {
    }

    record Registered(long id, List<String> caseNumbers, String title, String body) {
    }

    private static final Pattern CASE_NUMBER = Pattern.compile("JD-\\d{4}-\\d{5}");
    private static final String SEPARATORS = "[\\s,，、;；]+";

    private final BulletinRepository bulletins;
    private final PersonRepository persons;
    private final CasesAwaitingBulletin awaiting;
    private final Clock clock;

    BulletinRegistration(BulletinRepository bulletins, PersonRepository persons, CasesAwaitingBulletin awaiting,
            Clock clock) {
        this.bulletins = bulletins;
        this.persons = persons;
        this.awaiting = awaiting;
        this.clock = clock;
    }

    Registered register(Requested requested) {
        List<String> numbers = caseNumbers(requested.caseNumbers());
        List<DraftCase> cases = new ArrayList<>();
        for (String number : numbers) {
            cases.add(new DraftCase(awaitingBulletin(number), persons.list(number)));
        }
        String title = requested.title() == null ? BulletinDraft.defaultTitle(numbers.size()) : requested.title();
        String body = BulletinDraft.body(cases);
        try {
            long id = bulletins.insert(requested.processInstanceId(), title, body, requested.registeredBy(),
                    OffsetDateTime.now(clock), numbers);
            return new Registered(id, numbers, title, body);
        } catch (DuplicateKeyException e) {
            // Another bulletin took one of the cases between the check and this insert.
            throw new FormFieldValidationException(BulletinProcess.CASE_NUMBERS,
                    "其中有案件刚被编入另一份通报，一起案件只能编入一份通报。请刷新后核对案件编号（caseNumbers）");
        }
    }

    private static List<String> caseNumbers(String text) {
        if (text == null || text.isBlank()) {
            throw refusal("请填写要通报的案件编号（caseNumbers）：每行一个，或用逗号、空格分隔，例如 JD-2026-00001");
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (String number : text.strip().split(SEPARATORS)) {
            if (!CASE_NUMBER.matcher(number).matches()) {
                throw refusal("“" + number + "”不是案件编号：案件编号形如 JD-2026-00001，多个编号用逗号、空格或换行分隔");
            }
            if (!numbers.add(number)) {
                throw refusal("案件 " + number + " 填写了两次，请删去重复的编号");
            }
        }
        if (numbers.size() > BulletinSteps.MAX_CASES) {
            throw refusal("一份通报最多点名 " + BulletinSteps.MAX_CASES + " 起案件（现为 " + numbers.size()
                    + " 起），请分为几份通报");
        }
        return List.copyOf(numbers);
    }

    private CaseFacts awaitingBulletin(String number) {
        CaseFacts facts = bulletins.caseFacts(number).orElseThrow(() ->
                refusal("没有编号为“" + number + "”的案件，请核对案件编号"));
        if (!CaseStage.NOTICE.name().equals(facts.stage())) {
            throw refusal("案件 " + number + " 目前处于 " + facts.stage() + " 阶段，不在等待通报曝光（NOTICE）："
                    + "只有问责决定已送达、等待通报的典型问题可以编入通报");
        }
        if (!Boolean.TRUE.equals(facts.typicalCase())) {
            throw refusal("案件 " + number + " 未被认定为典型问题，不能点名道姓通报曝光");
        }
        bulletins.openBulletinOf(number).ifPresent(other -> {
            if (awaiting.running(other.processInstanceId())) {
                throw refusal("案件 " + number + " 已编入另一份尚未发布的通报（" + other.title()
                        + "），一起案件只能编入一份通报。请删去该编号，或等那份通报办结");
            }
            // Its process was ended in Cockpit without publishing: the draft no longer holds its cases.
            bulletins.cancel(other.id());
        });
        if (!awaiting.waiting(number)) {
            throw refusal("案件 " + number + " 不在等待通报曝光：按旧版流程办理的案件由其自己的通报环节发布，不能编入本通报");
        }
        return facts;
    }

    private static FormFieldValidationException refusal(String message) {
        return new FormFieldValidationException(BulletinProcess.CASE_NUMBERS, message);
    }
}
