using System.Diagnostics.Metrics;

namespace MasteryEngine.ReviewAgent.Observability;

/// <summary>The service's instruments (meter <c>MasteryEngine.ReviewAgent</c>), exposed on <c>/metrics</c>.</summary>
public sealed class ReviewMetrics
{
    public const string MeterName = "MasteryEngine.ReviewAgent";

    private readonly Counter<long> assessments;
    private readonly Histogram<double> duration;
    private readonly Histogram<double> scores;
    private readonly Counter<long> qualityEvents;
    private readonly Counter<long> kafkaMessages;

    public ReviewMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        assessments = meter.CreateCounter<long>("review_assessments", description: "Assessments by language and outcome (assessed, timeout, resource_limit, analyser_failed, busy).");
        duration = meter.CreateHistogram<double>("review_assessment_duration", unit: "s", description: "Time to analyse and score one submission.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30] });
        scores = meter.CreateHistogram<double>("review_quality_score", description: "Quality scores given.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
        qualityEvents = meter.CreateCounter<long>("review_quality_events", description: "Quality events handed to the Mastery Engine, by way (kafka, http) and status (sent, failed).");
        kafkaMessages = meter.CreateCounter<long>("review_kafka_messages", description: "review.requests messages by outcome (assessed, dead_lettered).");
    }

    public void Assessed(string language, double score, TimeSpan elapsed)
    {
        assessments.Add(1, new KeyValuePair<string, object?>("language", language), new KeyValuePair<string, object?>("outcome", "assessed"));
        duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("language", language));
        scores.Record(score, new KeyValuePair<string, object?>("language", language));
    }

    public void NotAssessed(string language, string reason) =>
        assessments.Add(1, new KeyValuePair<string, object?>("language", language), new KeyValuePair<string, object?>("outcome", reason));

    public void QualityEvent(string via, string status) =>
        qualityEvents.Add(1, new KeyValuePair<string, object?>("via", via), new KeyValuePair<string, object?>("status", status));

    public void KafkaMessage(string outcome) => kafkaMessages.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
