using System.Security.Cryptography;
using System.Text;
using MasteryEngine.ReviewAgent.Contracts;

namespace MasteryEngine.ReviewAgent.Feed;

/// <summary>
/// The quality learning event of an assessment. Its id is derived from the submission (its id when it has one,
/// else its code), so a retried or resubmitted submission is the same event and the Mastery Engine applies it once.
/// </summary>
public static class QualityEvents
{
    public const string EventType = "quality";

    private const string Prefix = "review-";

    public static string EventId(Submission submission)
    {
        var identity = string.Join('\u001f', submission.StudentId, submission.ProblemId, submission.Language, submission.SubmissionId ?? "", submission.SubmissionId is null ? submission.Code : "");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
        return Prefix + Convert.ToHexStringLower(hash)[..40];
    }

    public static QualityLearningEvent For(Assessment assessment) => new(
        EventType,
        assessment.StudentId,
        assessment.AssessmentId,
        assessment.AssessedAt,
        assessment.ProblemId,
        new QualityEventData(assessment.QualityScore));
}
