package dev.newsdesk.article;

/** Published after an article was deleted. */
public record ArticleDeleted(String id) {}
