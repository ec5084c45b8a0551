package dev.newsdesk.training;

import dev.newsdesk.classify.LinearModel;
import dev.newsdesk.classify.ModelCard;

/** A trained model and its card, not yet written anywhere. */
public record TrainingResult(ModelCard card, LinearModel model) {}
