package dev.newsdesk.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * News-site inputs of realistic size and shape, built in memory from a seeded random source and a word list written
 * for this purpose (no copied text): article pages with their theme around them, and a WordPress export.
 */
final class SyntheticInputs {

    private static final String[] WORDS =
            ("the council police market road river state board officers residents traders week said would "
                            + "school hospital budget governor minister court ruling suspects arrest night town village water "
                            + "power supply prices fuel farmers harvest rain flood bridge repairs contract workers union strike "
                            + "teachers pupils exam results election ballot voters party campaign rally youth women elders "
                            + "chief palace festival church mosque pastor imam community leaders meeting plan report figures "
                            + "rose fell percent million billion naira local federal agency commission inquiry witness judge "
                            + "lawyer bail charge trial appeal journalist editor column letter opinion reader view argue should "
                            + "must cannot because although however meanwhile later earlier today yesterday morning evening "
                            + "along near inside across after before during without between among about against toward "
                            + "new old second third many few several every each other another such same own only first last "
                            + "long short high low large small major minor public private open closed early late")
                    .split(" ");
    private static final String[] CATEGORIES = {
        "News", "Metro", "Crime", "Politics", "Business", "Opinion", "Columns", "Editorial", "Sports", "Letters"
    };

    private final Random random;

    SyntheticInputs(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} distinct article pages of roughly 60 to 90 KB each, theme and comments included. */
    List<byte[]> htmlPages(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> htmlPage(i).getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    /** A WXR 1.2 export of {@code posts} posts, with some pages and attachments among them. */
    byte[] wxr(int posts) {
        StringBuilder sb = new StringBuilder(posts * 5000);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\"\n")
                .append(" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n")
                .append(" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n")
                .append(" xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n")
                .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
                .append(" xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n")
                .append("<title>Synthetic Daily</title>\n<link>https://daily.example</link>\n")
                .append("<wp:wxr_version>1.2</wp:wxr_version>\n");
        for (int a = 0; a < 12; a++) {
            sb.append("<wp:author><wp:author_id>")
                    .append(a + 1)
                    .append("</wp:author_id><wp:author_login><![CDATA[writer")
                    .append(a)
                    .append("]]></wp:author_login><wp:author_display_name><![CDATA[")
                    .append(title(2))
                    .append("]]></wp:author_display_name></wp:author>\n");
        }
        for (String c : CATEGORIES) {
            sb.append("<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[")
                    .append(c.toLowerCase(java.util.Locale.ROOT))
                    .append("]]></wp:category_nicename><wp:cat_name><![CDATA[")
                    .append(c)
                    .append("]]></wp:cat_name></wp:category>\n");
        }
        for (int i = 1; i <= posts; i++) {
            int kind = random.nextInt(20);
            String type = kind == 0 ? "page" : kind == 1 ? "attachment" : "post";
            String title = title(6 + random.nextInt(6));
            sb.append("<item>\n<title><![CDATA[")
                    .append(title)
                    .append("]]></title>\n<link>https://daily.example/?p=")
                    .append(i)
                    .append("</link>\n<pubDate>Mon, 03 Mar 2025 08:00:00 +0000</pubDate>\n")
                    .append("<dc:creator><![CDATA[writer")
                    .append(random.nextInt(12))
                    .append("]]></dc:creator>\n<guid isPermaLink=\"false\">https://daily.example/?p=")
                    .append(i)
                    .append("</guid>\n<description></description>\n<content:encoded><![CDATA[");
            blockContent(sb, 8 + random.nextInt(10));
            sb.append("]]></content:encoded>\n<excerpt:encoded><![CDATA[")
                    .append(sentence())
                    .append("]]></excerpt:encoded>\n<wp:post_id>")
                    .append(i)
                    .append("</wp:post_id>\n<wp:post_date><![CDATA[2025-03-03 09:00:00]]></wp:post_date>\n")
                    .append("<wp:post_date_gmt><![CDATA[2025-03-03 08:00:00]]></wp:post_date_gmt>\n")
                    .append("<wp:comment_status><![CDATA[open]]></wp:comment_status>\n")
                    .append("<wp:post_name><![CDATA[post-")
                    .append(i)
                    .append("]]></wp:post_name>\n<wp:status><![CDATA[")
                    .append(type.equals("attachment") ? "inherit" : "publish")
                    .append("]]></wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type><![CDATA[")
                    .append(type)
                    .append("]]></wp:post_type>\n<wp:post_password><![CDATA[]]></wp:post_password>\n")
                    .append("<wp:is_sticky>0</wp:is_sticky>\n");
            for (int c = 0; c < 2; c++) {
                String cat = CATEGORIES[random.nextInt(CATEGORIES.length)];
                sb.append("<category domain=\"category\" nicename=\"")
                        .append(cat.toLowerCase(java.util.Locale.ROOT))
                        .append("\"><![CDATA[")
                        .append(cat)
                        .append("]]></category>\n");
            }
            for (int t = 0; t < 3; t++) {
                String tag = word();
                sb.append("<category domain=\"post_tag\" nicename=\"")
                        .append(tag)
                        .append("\"><![CDATA[")
                        .append(tag)
                        .append("]]></category>\n");
            }
            sb.append("<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>")
                    .append("<wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>\n");
            for (int c = random.nextInt(3); c > 0; c--) {
                sb.append("<wp:comment><wp:comment_id>")
                        .append(c)
                        .append("</wp:comment_id><wp:comment_author><![CDATA[")
                        .append(title(2))
                        .append("]]></wp:comment_author><wp:comment_content><![CDATA[")
                        .append(sentence())
                        .append("]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n");
            }
            sb.append("</item>\n");
        }
        sb.append("</channel>\n</rss>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String htmlPage(int n) {
        StringBuilder sb = new StringBuilder(90_000);
        String title = title(8);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(title)
                .append(" - Synthetic Daily</title>\n<meta property=\"og:title\" content=\"")
                .append(title)
                .append("\">\n<meta property=\"article:published_time\" content=\"2025-03-03T08:00:00+00:00\">\n")
                .append("<meta property=\"article:section\" content=\"")
                .append(CATEGORIES[n % CATEGORIES.length])
                .append("\">\n<link rel=\"canonical\" href=\"https://daily.example/story-")
                .append(n)
                .append("/\">\n");
        for (int i = 0; i < 25; i++) {
            sb.append("<link rel=\"preload\" href=\"/assets/chunk-").append(i).append(".js\" as=\"script\">\n");
        }
        sb.append(
                        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",")
                .append("\"headline\":\"")
                .append(title)
                .append("\",\"author\":{\"@type\":\"Person\",\"name\":\"")
                .append(title(2))
                .append("\"},\"datePublished\":\"2025-03-03T08:00:00Z\"}</script>\n<script>var siteConfig = {");
        for (int i = 0; i < 200; i++) {
            sb.append("\"key").append(i).append("\":\"").append(word()).append("\",");
        }
        sb.append("\"end\":true};</script>\n<style>");
        for (int i = 0; i < 120; i++) {
            sb.append(".c").append(i).append("{margin:0 ").append(i).append("px;color:#333}\n");
        }
        sb.append(
                "</style>\n</head>\n<body class=\"single single-post\">\n<header class=\"site-header\"><nav class=\"menu\"><ul>");
        for (int i = 0; i < 60; i++) {
            sb.append("<li class=\"menu-item\"><a href=\"/section/")
                    .append(i)
                    .append("\">")
                    .append(title(2))
                    .append("</a></li>");
        }
        sb.append("</ul></nav></header>\n<main class=\"site-main\"><article class=\"post type-post\">\n")
                .append("<header class=\"entry-header\"><h1 class=\"entry-title\">")
                .append(title)
                .append("</h1><div class=\"entry-meta\"><span class=\"byline\">By: <a rel=\"author\" href=\"/a\">")
                .append(title(2))
                .append("</a></span><time datetime=\"2025-03-03T08:00:00Z\">March 3, 2025</time></div></header>\n")
                .append(
                        "<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">X</a><a href=\"#\">WhatsApp</a></div>\n")
                .append("<div class=\"entry-content\">\n");
        for (int p = 30 + random.nextInt(15); p > 0; p--) {
            sb.append("<p>").append(paragraph()).append("</p>\n");
            if (p % 9 == 0) {
                sb.append("<div class=\"advert ad-slot\"><script>loadAd()</script>Advertisement</div>\n");
            }
        }
        sb.append("<div class=\"sharedaddy\"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>\n")
                .append("<div class=\"jp-relatedposts\"><h3>Related</h3>");
        for (int i = 0; i < 6; i++) {
            sb.append("<p><a href=\"/r")
                    .append(i)
                    .append("\">")
                    .append(title(7))
                    .append("</a></p>");
        }
        sb.append(
                "</div>\n</div>\n</article>\n<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">");
        for (int c = 0; c < 10; c++) {
            sb.append("<li class=\"comment\"><div class=\"comment-author\">")
                    .append(title(2))
                    .append("</div><div class=\"comment-content\"><p>")
                    .append(paragraph())
                    .append("</p></div></li>\n");
        }
        sb.append("</ol><div id=\"respond\" class=\"comment-respond\"><h3>Leave a Reply</h3><form id=\"commentform\">")
                .append("<p>Your email address will not be published.</p><textarea></textarea></form></div></div>\n")
                .append("</main>\n<aside class=\"widget-area\"><section class=\"widget\"><h2>Trending</h2><ul>");
        for (int i = 0; i < 10; i++) {
            sb.append("<li><a href=\"/t")
                    .append(i)
                    .append("\">")
                    .append(title(8))
                    .append("</a></li>");
        }
        sb.append("</ul></section></aside>\n<footer class=\"site-footer\"><ul>");
        for (int i = 0; i < 40; i++) {
            sb.append("<li><a href=\"/f")
                    .append(i)
                    .append("\">")
                    .append(title(2))
                    .append("</a></li>");
        }
        sb.append("</ul></footer>\n<script src=\"/assets/app.js\"></script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** Block-editor content: paragraphs, a heading and a list, each wrapped in its {@code <!-- wp:... -->} comments. */
    private void blockContent(StringBuilder sb, int paragraphs) {
        for (int p = 0; p < paragraphs; p++) {
            if (p == paragraphs / 2) {
                sb.append("<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">")
                        .append(title(4))
                        .append("</h2>\n<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul>");
                for (int i = 0; i < 3; i++) {
                    sb.append("<!-- wp:list-item --><li>").append(sentence()).append("</li><!-- /wp:list-item -->");
                }
                sb.append("</ul>\n<!-- /wp:list -->\n\n");
            }
            sb.append("<!-- wp:paragraph -->\n<p>").append(paragraph()).append("</p>\n<!-- /wp:paragraph -->\n\n");
        }
    }

    private String paragraph() {
        StringBuilder sb = new StringBuilder();
        for (int s = 2 + random.nextInt(4); s > 0; s--) {
            sb.append(sentence()).append(' ');
        }
        return sb.toString().strip();
    }

    private String sentence() {
        String words = title(8 + random.nextInt(14)).toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + (random.nextInt(6) == 0 ? "?" : ".");
    }

    private String title(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = word();
            sb.append(i == 0 ? "" : " ")
                    .append(Character.toUpperCase(w.charAt(0)))
                    .append(w, 1, w.length());
        }
        return sb.toString();
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
