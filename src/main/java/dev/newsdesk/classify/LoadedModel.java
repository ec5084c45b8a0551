package dev.newsdesk.classify;

/** A verified model file: its card and its parameters. */
public record LoadedModel(ModelCard card, LinearModel model) {}
