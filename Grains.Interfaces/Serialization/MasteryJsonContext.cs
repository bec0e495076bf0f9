using System.Text.Json.Serialization;

namespace MasteryEngine.Grains.Serialization;

/// <summary>
/// The wire format shared by the HTTP API and the Kafka topics: snake_case names, enums as snake_case strings.
/// Source-generated because events and results are serialized on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LearningEvent))]
[JsonSerializable(typeof(EventApplyResult))]
[JsonSerializable(typeof(MasteryDomainEvent))]
[JsonSerializable(typeof(MasteryResult))]
[JsonSerializable(typeof(MasteryQueryResult))]
[JsonSerializable(typeof(MasteryPrediction))]
[JsonSerializable(typeof(MasteryHistory))]
[JsonSerializable(typeof(IReadOnlyList<Recommendation>))]
[JsonSerializable(typeof(StudentDataExport))]
[JsonSerializable(typeof(ErasureReport))]
[JsonSerializable(typeof(CohortAnalytics))]
[JsonSerializable(typeof(BatchStatus))]
public sealed partial class MasteryJsonContext : JsonSerializerContext;
