namespace MasteryEngine.Gateway.OpenApi;

/// <summary>The request examples of the seeds' README (and the checklist's <c>/process</c> call), as the document shows them.</summary>
public static class RequestExamples
{
    public const string Query = """{"student_id": "student_12345", "include_components": true}""";

    public const string Calculate =
        """{"student_id": "student_12345", "components": {"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82}}""";

    public const string Prediction = """{"student_id": "student_12345", "timeframe_days": 7}""";

    public const string Recommendations = """{"student_id": "student_12345", "limit": 5, "priority": "high"}""";

    public const string Ingest =
        """{"event_type": "completion", "student_id": "student_12345", "data": {"total_exercises": 10, "completed_exercises": 8, "difficulty": "intermediate"}}""";

    public const string Batch = """
        {"requests": [
          {"student_id": "student_12345", "components": {"completion": 0.85, "quiz": 0.90, "quality": 0.85, "consistency": 0.82}},
          {"student_id": "student_67890", "components": {"completion": 0.70, "quiz": 0.75, "quality": 0.80, "consistency": 0.65}}
        ], "priority": "high"}
        """;

    public const string Process = """{"intent": "mastery_calculation", "payload": {"student_id": "student_12345"}}""";
}
