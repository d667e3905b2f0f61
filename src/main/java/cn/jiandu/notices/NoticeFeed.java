package cn.jiandu.notices;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The Atom 1.0 feed of published notices for the commission's website. Rome writes the XML, so
 * whatever a person typed ends up as escaped text, never as markup.
 */
@Component
class NoticeFeed {

    static final int ENTRIES = 50;
    private static final String PUBLISHER = "区纪委监委";
    // Characters XML 1.0 cannot carry; a stray control character in a form must not break the feed.
    private static final String NOT_XML = "[^\\t\\n\\r\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]";

    private final PublicNotices notices;

    NoticeFeed(PublicNotices notices) {
        this.notices = notices;
    }

    /** The feed with its links under {@code publicUrl} (TaskLinks#publicUrl(request)). */
    String atom(String publicUrl) {
        List<NoticeView> latest = notices.page(0, ENTRIES).content();
        Feed feed = new Feed("atom_1.0");
        feed.setId(publicUrl + "/notices");
        feed.setLanguage("zh-CN");
        feed.setTitleEx(text(PUBLISHER + "通报曝光"));
        feed.setSubtitle(text("疫情防控工作中形式主义、官僚主义及失职失责典型问题的通报"));
        feed.setAuthors(List.of(publisher()));
        feed.setAlternateLinks(List.of(link("alternate", "text/html", publicUrl + "/notices")));
        feed.setOtherLinks(List.of(link("self", "application/atom+xml", publicUrl + "/notices/feed.atom")));
        feed.setUpdated(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).publishedAt().toInstant()));
        feed.setEntries(latest.stream().map(notice -> entry(notice, publicUrl)).toList());
        try {
            return new WireFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
    }

    private static Entry entry(NoticeView notice, String publicUrl) {
        String url = publicUrl + notice.link();
        Date published = Date.from(notice.publishedAt().toInstant());
        Entry entry = new Entry();
        entry.setId(url);
        entry.setTitleEx(text(notice.title()));
        entry.setAlternateLinks(List.of(link("alternate", "text/html", url)));
        entry.setPublished(published);
        entry.setUpdated(published);
        entry.setContents(List.of(text(notice.body())));
        if (notice.problemTypeLabel() != null) {
            Category category = new Category();
            category.setTerm(notice.problemType());
            category.setLabel(notice.problemTypeLabel());
            entry.setCategories(List.of(category));
        }
        return entry;
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value == null ? "" : value.replaceAll(NOT_XML, ""));
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndPerson publisher() {
        Person person = new Person();
        person.setName(PUBLISHER);
        return person;
    }
}
