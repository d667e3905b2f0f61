package cn.jiandu.notices;

import cn.jiandu.mail.TaskLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public notice pages (/notices, /notices/{id} for one case's notice, /notices/bulletins/{id} for a
 * bulletin) and their Atom feed, readable without a login.
 */
@Controller
@RequestMapping("/notices")
class NoticePages {

    static final int PAGE_SIZE = 10;
    // The pages run no script at all; should an escaping mistake ever slip in, the browser still refuses it.
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final PublicNotices notices;
    private final NoticeFeed feed;
    private final TaskLinks links;

    NoticePages(PublicNotices notices, NoticeFeed feed, TaskLinks links) {
        this.notices = notices;
        this.feed = feed;
        this.links = links;
    }

    /** Newest first; {@code page} counts from 1 as people do, and is brought into range. */
    @GetMapping
    ModelAndView list(@RequestParam(defaultValue = "1") int page, HttpServletResponse response) {
        lockDown(response);
        long total = notices.count();
        int lastPage = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), lastPage);
        NoticePage shown = notices.page(current - 1, PAGE_SIZE);
        ModelAndView view = new ModelAndView("notices/list");
        view.addObject("notices", shown.content());
        view.addObject("total", shown.totalElements());
        view.addObject("page", current);
        view.addObject("lastPage", lastPage);
        return view;
    }

    @GetMapping("/{id}")
    ModelAndView detail(@PathVariable long id, HttpServletResponse response) {
        lockDown(response);
        return notices.find(id)
                .map(notice -> new ModelAndView("notices/detail").addObject("notice", notice))
                .orElseGet(() -> new ModelAndView("notices/missing", HttpStatus.NOT_FOUND));
    }

    @GetMapping("/bulletins/{id}")
    ModelAndView bulletin(@PathVariable long id, HttpServletResponse response) {
        lockDown(response);
        return notices.findBulletin(id)
                .map(bulletin -> new ModelAndView("notices/detail").addObject("notice", bulletin))
                .orElseGet(() -> new ModelAndView("notices/missing", HttpStatus.NOT_FOUND));
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> atom(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(ATOM).body(feed.atom(links.publicUrl(request)));
    }

    /** The address people guess; without this "feed" was taken for a notice id. Relative: any host. */
    @GetMapping("/feed")
    ResponseEntity<Void> feedWithoutExtension() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("feed.atom")).build();
    }

    private static void lockDown(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
