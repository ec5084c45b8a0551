package dev.newsdesk.web;

/** Events and Trending on H2. */
class H2EventsAndTrendingTest extends EventsAndTrending {}
