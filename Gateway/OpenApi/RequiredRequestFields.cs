using MasteryEngine.Gateway.Contracts;

namespace MasteryEngine.Gateway.OpenApi;

/// <summary>
/// The fields each request body must have, as the handlers' validation decides (a missing one is a 400 naming
/// it). Every request property is nullable so that validation can name what is missing, which is why the
/// document cannot infer this from the types. <c>OpenApiDocumentTests</c> checks the list against the routes.
/// </summary>
public static class RequiredRequestFields
{
    public static readonly IReadOnlyDictionary<Type, string[]> ByType = new Dictionary<Type, string[]>
    {
        [typeof(MasteryQueryRequest)] = ["student_id"],
        [typeof(MasteryCalculateRequest)] = ["student_id"],
        [typeof(ComponentScoresInput)] = ["completion", "quiz", "quality", "consistency"],
        [typeof(IngestRequest)] = ["event_type", "student_id", "data"],
        [typeof(PredictionRequest)] = ["student_id"],
        [typeof(RecommendationRequest)] = ["student_id"],
        [typeof(BatchMasteryRequest)] = [],
        [typeof(BatchRequestItem)] = ["student_id"],
        [typeof(ProcessRequest)] = ["intent", "payload"],
        [typeof(PredictAnswerRequest)] = ["student_id", "item_id", "topic"],
        [typeof(PracticeRequest)] = ["student_id", "candidates"],
        [typeof(PracticeCandidateInput)] = ["item_id", "topic"],
    };

    /// <summary>Bodies that take exactly one of several fields (<c>oneOf</c> alternatives, each requiring one).</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> ExactlyOneOf = new Dictionary<Type, string[]>
    {
        [typeof(BatchMasteryRequest)] = ["requests", "student_ids"],
    };
}
