package dev.newsdesk.web;

import dev.newsdesk.classify.ModelCard;
import dev.newsdesk.classify.ModelException;
import dev.newsdesk.system.ModelService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /model} (the card) and {@code POST /model/reload}. */
@RestController
@RequestMapping(WebConfiguration.API)
@Tag(name = "model", description = "The served model")
final class ModelController {

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @Operation(summary = "The served model's card: version, labels, training data, metrics")
    @GetMapping("/model")
    ModelCard card() {
        return models.card();
    }

    /** What a reload did. */
    record Reloaded(String previousVersion, String version, String source, ModelCard card) {}

    @Operation(summary = "Load the model file again (or the newest in the model directory) and swap it in")
    @SecurityRequirement(name = "apiKey")
    @Access(Access.Role.ADMIN)
    @PostMapping("/model/reload")
    Reloaded reload() {
        try {
            ModelService.Swap swap = models.reload();
            return new Reloaded(swap.previousVersion(), swap.card().version(), models.source(), swap.card());
        } catch (ModelException e) {
            throw new ApiException(
                    ProblemKind.MODEL_REJECTED,
                    e.getMessage() + "; the model " + models.card().version() + " keeps serving");
        }
    }
}
