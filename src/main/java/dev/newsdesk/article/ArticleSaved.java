package dev.newsdesk.article;

/** Published after an article was stored, classified or corrected. */
public record ArticleSaved(StoredArticle article) {}
