package dev.newsdesk.web;

/** The bad-request table on H2. */
class H2BadRequestsTest extends BadRequests {}
