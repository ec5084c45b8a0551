package dev.newsdesk.ingest;

import java.util.Map;
import java.util.Set;

/**
 * Choices a reader needs beyond the bytes.
 *
 * @param postTypes the WordPress post types to return (WXR and REST); {@code post} by default, add {@code page} for
 *     pages. Attachments, menu items and the like are never articles.
 * @param statuses the WordPress statuses to return; empty means every status the WordPress importer imports (all
 *     but {@code auto-draft})
 * @param categoryNames REST category id to name, for posts fetched without {@code _embed}
 * @param tagNames REST tag id to name
 * @param authorNames REST user id to display name
 */
public record ReadOptions(
        Set<String> postTypes,
        Set<String> statuses,
        Map<Long, String> categoryNames,
        Map<Long, String> tagNames,
        Map<Long, String> authorNames) {

    /** Posts of any imported status, no REST lookups. */
    public static final ReadOptions DEFAULT = new ReadOptions(Set.of("post"), Set.of(), Map.of(), Map.of(), Map.of());

    public ReadOptions {
        postTypes = Set.copyOf(postTypes);
        statuses = Set.copyOf(statuses);
        categoryNames = Map.copyOf(categoryNames);
        tagNames = Map.copyOf(tagNames);
        authorNames = Map.copyOf(authorNames);
        if (postTypes.isEmpty()) {
            throw new IllegalArgumentException("name at least one post type, such as post");
        }
    }

    public ReadOptions withPostTypes(Set<String> types) {
        return new ReadOptions(types, statuses, categoryNames, tagNames, authorNames);
    }

    public ReadOptions withStatuses(Set<String> kept) {
        return new ReadOptions(postTypes, kept, categoryNames, tagNames, authorNames);
    }

    /** REST lookups, each from a {@code /wp/v2/categories}, {@code tags} or {@code users} response. */
    public ReadOptions withRestNames(Map<Long, String> categories, Map<Long, String> tags, Map<Long, String> users) {
        return new ReadOptions(postTypes, statuses, categories, tags, users);
    }

    /** Whether a WordPress item of this type and status is an article to return. */
    boolean keeps(String postType, String status) {
        if ("auto-draft".equals(status)) {
            return false; // the WordPress importer skips these too: they were never written
        }
        return postType != null && postTypes.contains(postType) && (statuses.isEmpty() || statuses.contains(status));
    }
}
