package dev.newsdesk.ingest;

import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Tag;

/**
 * The fuzzing run: many more cases of the same properties, minutes not hours. Excluded from the default build; run
 * with {@code ./mvnw test -Dsurefire.excludedGroups= -Dgroups=fuzz}.
 */
@Tag("fuzz")
@PropertyDefaults(tries = 50_000)
class ReaderFuzzTest extends ReaderFuzzing {}
