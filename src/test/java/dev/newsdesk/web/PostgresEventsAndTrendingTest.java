package dev.newsdesk.web;

import org.springframework.test.context.ContextConfiguration;

/** Events and Trending with the article store on PostgreSQL. */
@ContextConfiguration(initializers = OnPostgres.class)
class PostgresEventsAndTrendingTest extends EventsAndTrending {}
