using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Feed;
using MasteryEngine.ReviewAgent.Observability;
using MasteryEngine.ReviewAgent.Options;
using MasteryEngine.ReviewAgent.Scoring;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Assessing;

/// <summary>Assesses a submission (analysers, then the rubric) and feeds its quality event to the Mastery Engine.</summary>
public sealed class AssessmentService(
    PythonAnalyser analyser,
    IOptions<ReviewOptions> options,
    TimeProvider time,
    ReviewMetrics metrics,
    ILogger<AssessmentService> logger,
    IQualityEventSink? sink = null)
{
    /// <summary><c>kafka</c>, <c>http</c> or <c>disabled</c>.</summary>
    public string FeedVia => sink?.Via ?? "disabled";

    /// <exception cref="AnalysisFailedException">The code could not be analysed within the sandbox's limits.</exception>
    /// <exception cref="AnalysisBusyException">No analyser slot came free in time.</exception>
    public async Task<Assessment> AssessAsync(Submission submission, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        AnalysisReport report;
        try
        {
            report = await analyser.AnalyseAsync(submission.Code, cancellationToken);
        }
        catch (AnalysisFailedException exception)
        {
            metrics.NotAssessed(submission.Language, exception.Reason);
            throw;
        }
        catch (AnalysisBusyException)
        {
            metrics.NotAssessed(submission.Language, "busy");
            throw;
        }

        var limits = options.Value;
        var score = QualityRubric.Score(report, limits.MaxSuggestions);
        metrics.Assessed(submission.Language, score.Value, time.GetElapsedTime(started));
        return new Assessment(
            QualityEvents.EventId(submission),
            submission.StudentId,
            submission.ProblemId,
            submission.Language,
            score.Value,
            score.SubScores,
            score.Metrics,
            [.. score.Findings.Take(limits.MaxFindings)],
            score.Findings.Count,
            score.Suggestions,
            QualityRubric.Version,
            PythonAnalyser.Analysers,
            time.GetUtcNow(),
            MasteryEvent: null);
    }

    /// <exception cref="QualityEventNotDeliveredException">The event was not accepted; feeding it again is safe.</exception>
    public async Task<MasteryFeedReceipt> FeedAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        if (sink is null)
        {
            return new MasteryFeedReceipt(assessment.AssessmentId, "disabled", "none");
        }

        try
        {
            await sink.SendAsync(QualityEvents.For(assessment), cancellationToken);
        }
        catch (QualityEventNotDeliveredException)
        {
            metrics.QualityEvent(sink.Via, "failed");
            throw;
        }

        metrics.QualityEvent(sink.Via, "sent");
        return new MasteryFeedReceipt(assessment.AssessmentId, "sent", sink.Via);
    }

    /// <summary>For the HTTP API: the assessment is the student's in any case; a failed feed is reported in it, not as an error.</summary>
    public async Task<Assessment> AssessAndFeedAsync(Submission submission, CancellationToken cancellationToken)
    {
        var assessment = await AssessAsync(submission, cancellationToken);
        MasteryFeedReceipt receipt;
        try
        {
            receipt = await FeedAsync(assessment, cancellationToken);
        }
        catch (QualityEventNotDeliveredException exception)
        {
            logger.LogWarning(exception, "Quality event {EventId} for student {StudentId} was not delivered", assessment.AssessmentId, assessment.StudentId);
            receipt = new MasteryFeedReceipt(assessment.AssessmentId, "failed", sink!.Via);
        }

        return assessment with { MasteryEvent = receipt };
    }
}
