package cn.jiandu.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is calling /api, with the groups the identity service gives them. */
public record CurrentUser(String id, List<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return new CurrentUser(authentication.getName(), groups);
    }

    public boolean isMemberOfAny(List<String> candidates) {
        return groups.contains(Groups.ADMIN) || candidates.stream().anyMatch(groups::contains);
    }

    public boolean isMemberOf(String group) {
        return groups.contains(group);
    }
}
