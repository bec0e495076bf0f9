namespace MasteryEngine.Gateway.OpenApi;

/// <summary>Request examples of the learner model's routes, as the document shows them.</summary>
public static class LearnerRequestExamples
{
    public const string PredictAnswer = """{"student_id": "student_12345", "item_id": "q17", "topic": "fractions"}""";

    public const string Practice =
        """{"student_id": "student_12345", "limit": 2, "candidates": [{"item_id": "q17", "topic": "fractions"}, {"item_id": "q18", "topic": "fractions"}]}""";
}
