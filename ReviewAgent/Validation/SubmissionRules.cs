using System.Text;
using System.Text.RegularExpressions;
using MasteryEngine.ReviewAgent.Contracts;
using MasteryEngine.ReviewAgent.Options;

namespace MasteryEngine.ReviewAgent.Validation;

/// <summary>
/// What a submission must be before any analyser sees it. Messages never repeat a rejected value: it may be an
/// injection attempt (the runbook's <c>SELECT * FROM users --</c>), and it is the caller's own input anyway.
/// </summary>
public static partial class SubmissionRules
{
    public const string IdDescription = "1 to 128 characters, each a letter, digit, '_', '.', ':' or '-'";

    public static readonly IReadOnlyList<string> Languages = ["python"];

    /// <returns>The submission, or the errors per field (<c>student_id</c>, <c>problem_context.language</c>, ...).</returns>
    public static (Submission? Submission, IReadOnlyDictionary<string, string[]> Errors) Validate(AssessRequest request, ReviewOptions limits)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var studentId = RequireId(errors, "student_id", request.StudentId);
        var code = request.StudentCode;
        if (string.IsNullOrWhiteSpace(code))
        {
            errors["student_code"] = ["student_code is required: the program's source text."];
        }
        else if (Encoding.UTF8.GetByteCount(code) > limits.MaxCodeBytes)
        {
            errors["student_code"] = [$"student_code must be at most {limits.MaxCodeBytes} bytes (UTF-8)."];
        }
        else if (code.Count(c => c == '\n') + 1 > limits.MaxCodeLines)
        {
            errors["student_code"] = [$"student_code must be at most {limits.MaxCodeLines} lines."];
        }
        else if (code.Contains('\0', StringComparison.Ordinal))
        {
            errors["student_code"] = ["student_code must be text: it holds a NUL character."];
        }

        string? language = null;
        string? problemId = null;
        if (request.ProblemContext is not { } context)
        {
            errors["problem_context"] = ["problem_context is required: {\"language\": \"python\", \"problem_id\": \"...\"}."];
        }
        else
        {
            language = context.Language?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(language))
            {
                errors["problem_context.language"] = [$"problem_context.language is required: one of {string.Join(", ", Languages)}."];
            }
            else if (!Languages.Contains(language))
            {
                errors["problem_context.language"] = [$"problem_context.language must be one of {string.Join(", ", Languages)}."];
            }

            problemId = RequireId(errors, "problem_context.problem_id", context.ProblemId);
        }

        if (request.SubmissionId is not null)
        {
            RequireId(errors, "submission_id", request.SubmissionId);
        }

        return errors.Count > 0
            ? (null, errors)
            : (new Submission(studentId!, code!, language!, problemId!, request.SubmissionId), errors);
    }

    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    private static string? RequireId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = [$"{field} is required."];
            return null;
        }

        if (!IsValidId(value))
        {
            errors[field] = [$"{field} must be {IdDescription}."];
            return null;
        }

        return value;
    }

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_.:\-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
