package cn.jiandu.notices;

import cn.jiandu.accountability.Measure;
import cn.jiandu.accountability.PersonRepository;
import cn.jiandu.notices.Bulletin.NamedCase;
import cn.jiandu.notices.NoticeView.NamedCaseView;
import cn.jiandu.notices.NoticeView.NamedPerson;
import cn.jiandu.system.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the public may read of the notices and bulletins, and the withdrawal of a notice by leaders. A
 * bulletin shows the cases it still names, each with the persons held accountable as the record has them
 * now (a measure changed on appeal shows as changed; a person no longer held accountable is not named).
 */
@Service
class PublicNotices {

    record Withdrawal(long id, OffsetDateTime withdrawnAt, String withdrawnBy, String reason) {
    }

    private final NoticeRepository notices;
    private final BulletinRepository bulletins;
    private final PersonRepository persons;
    private final Clock clock;

    PublicNotices(NoticeRepository notices, BulletinRepository bulletins, PersonRepository persons, Clock clock) {
        this.notices = notices;
        this.bulletins = bulletins;
        this.persons = persons;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    NoticePage page(int page, int size) {
        long total = notices.countPublished();
        List<NoticeView> shown = notices.published(page, size).stream()
                .map(entry -> NoticeView.BULLETIN.equals(entry.kind()) ? findBulletin(entry.id()) : find(entry.id()))
                .flatMap(Optional::stream).toList();
        return NoticePage.of(shown, page, size, total);
    }

    long count() {
        return notices.countPublished();
    }

    Optional<NoticeView> find(long id) {
        return notices.findPublished(id).map(n -> NoticeView.of(n, clock.getZone()));
    }

    @Transactional(readOnly = true)
    Optional<NoticeView> findBulletin(long id) {
        return bulletins.findShown(id).map(bulletin -> {
            List<NamedCase> cases = bulletins.cases(id);
            List<String> withdrawn = cases.stream().filter(NamedCase::withdrawn).map(NamedCase::caseNumber).toList();
            List<NamedCaseView> named = cases.stream().filter(c -> !c.withdrawn()).map(this::named)
                    .flatMap(Optional::stream).toList();
            return NoticeView.ofBulletin(bulletin, BulletinText.shown(bulletin.body(), withdrawn), named, clock.getZone());
        });
    }

    private Optional<NamedCaseView> named(NamedCase named) {
        return bulletins.caseFacts(named.caseNumber()).map(facts -> new NamedCaseView(facts.caseNumber(),
                facts.title(), facts.unit(), facts.problemType(), NoticeView.problemTypeLabel(facts.problemType()),
                persons.list(named.caseNumber()).stream()
                        .filter(person -> person.measure() != null && person.measure() != Measure.NONE)
                        .map(NamedPerson::of).toList()));
    }

    @Transactional
    Withdrawal withdraw(long id, String userId, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (notices.withdraw(id, userId, reason, now)) {
            return new Withdrawal(id, now, userId, reason);
        }
        if (notices.exists(id)) {
            throw new ConflictException("通报 " + id + " 已经撤回，无需再次撤回");
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有编号为 " + id + " 的通报");
    }
}
