using System.Text;
using System.Text.Json;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>
/// Analyses Python source with Debian's pyflakes, pycodestyle, pylint and radon, all at once, each in the sandbox,
/// on a copy of the code in a fresh temporary directory that is deleted afterwards. None of them imports or runs
/// the program: they parse it. Each analyser owns its kind of finding, so one mistake is reported once: pyflakes
/// syntax errors, undefined and unused names; pycodestyle layout; pylint the rest (naming, docstrings, likely
/// bugs, design limits); radon complexity and maintainability.
/// </summary>
public sealed class PythonAnalyser(SandboxedProcessRunner runner, IOptions<SandboxOptions> options)
{
    public const string FileName = "submission.py";

    /// <summary>PEP 8 says 79; 99 is the longest it allows a team to agree on, and kinder to beginners.</summary>
    public const int MaxLineLength = 99;

    /// <summary>
    /// pylint checks that another analyser reports already, that need the imported packages (not installed in the
    /// sandbox, so they would be false alarms), or that are noise in exercise-sized programs.
    /// </summary>
    public static readonly IReadOnlyList<string> DisabledPylintChecks =
    [
        "unused-import", "undefined-variable", "unused-variable", "function-redefined", "reimported", "used-before-assignment",
        "bad-indentation", "line-too-long", "trailing-whitespace", "missing-final-newline", "trailing-newlines",
        "multiple-statements", "unnecessary-semicolon", "superfluous-parens", "wrong-import-position", "multiple-imports", "mixed-line-endings",
        "import-error", "no-name-in-module", "too-few-public-methods", "wildcard-import", "syntax-error",
    ];

    public static readonly IReadOnlyList<string> Analysers = ["pyflakes", "pycodestyle", "pylint", "radon"];

    public async Task<AnalysisReport> AnalyseAsync(string code, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("review-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, FileName), code, new UTF8Encoding(false), cancellationToken);
            var sandbox = options.Value;
            var runs = Commands(sandbox).Select(command => RunAsync(command, directory.FullName, cancellationToken)).ToList();
            var results = await Task.WhenAll(runs);
            return Combine(code, results[0], results[1], results[2], results[3], results[4]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static SandboxCommand[] Commands(SandboxOptions sandbox) =>
    [
        new("pyflakes", sandbox.PyflakesPath, [FileName]),
        new("pycodestyle", sandbox.PycodestylePath, [$"--max-line-length={MaxLineLength}", $"--format={PycodestyleOutputParser.Format}", FileName]),
        new("pylint", sandbox.PylintPath,
        [
            "--rcfile=/dev/null", "--output-format=json", "--score=n", "--reports=n", "--persistent=n", "--jobs=1",
            $"--max-line-length={MaxLineLength}", "--const-naming-style=any",
            "--disable=" + string.Join(',', DisabledPylintChecks), FileName,
        ]),
        new("radon cc", sandbox.RadonPath, ["cc", "-j", FileName]),
        new("radon mi", sandbox.RadonPath, ["mi", "-j", FileName]),
    ];

    private async Task<SandboxRun> RunAsync(SandboxCommand command, string directory, CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(command, directory, cancellationToken);
        if (run.Outcome == SandboxRunOutcome.TimedOut)
        {
            throw new AnalysisFailedException(AnalysisFailureReason.Timeout,
                $"{command.Tool} did not finish analysing the code within {options.Value.Timeout.TotalSeconds:0} s. Smaller functions or a shorter program can be analysed.");
        }

        if (run.Outcome == SandboxRunOutcome.OutputTooLarge || run.KilledBySignal)
        {
            throw new AnalysisFailedException(AnalysisFailureReason.ResourceLimit,
                $"{command.Tool} went over the sandbox's memory, CPU or output limit on this code ({Describe(run)}).");
        }

        return run;
    }

    private static string Describe(SandboxRun run) => run.Outcome == SandboxRunOutcome.OutputTooLarge
        ? "too much output"
        : $"stopped by signal {run.ExitCode - 128}";

    private static AnalysisReport Combine(string code, SandboxRun pyflakes, SandboxRun pycodestyle, SandboxRun pylint, SandboxRun complexity, SandboxRun maintainability)
    {
        RequireExitCode(pyflakes, "pyflakes", 0, 1);
        RequireExitCode(pycodestyle, "pycodestyle", 0, 1);
        RequireExitCode(complexity, "radon cc", 0);
        RequireExitCode(maintainability, "radon mi", 0);
        var (flakes, syntaxError) = PyflakesOutputParser.Parse(pyflakes.StandardOutput, pyflakes.StandardError);
        try
        {
            var findings = new List<AnalyserFinding>(flakes);
            // On code that does not parse, pycodestyle's tokenizer errors (E9xx) repeat the syntax error.
            findings.AddRange(PycodestyleOutputParser.Parse(pycodestyle.StandardOutput)
                .Where(finding => !(syntaxError && finding.Rule.StartsWith("E9", StringComparison.Ordinal))));
            if (!syntaxError)
            {
                findings.AddRange(PylintOutputParser.Parse(pylint.StandardOutput));
            }

            var blocks = syntaxError ? [] : RadonOutputParser.ParseComplexity(complexity.StandardOutput);
            var index = syntaxError ? null : RadonOutputParser.ParseMaintainability(maintainability.StandardOutput);
            return new AnalysisReport(CountCodeLines(code), syntaxError, Ordered(findings), blocks, index);
        }
        catch (JsonException exception)
        {
            throw new AnalysisFailedException(AnalysisFailureReason.AnalyserFailed, "An analyser gave output that could not be read: " + exception.Message);
        }
    }

    private static void RequireExitCode(SandboxRun run, string tool, params int[] expected)
    {
        if (!expected.Contains(run.ExitCode))
        {
            throw new AnalysisFailedException(AnalysisFailureReason.AnalyserFailed, $"{tool} failed on this code (exit code {run.ExitCode}).");
        }
    }

    private static AnalyserFinding[] Ordered(IEnumerable<AnalyserFinding> findings) =>
    [
        .. findings
            .OrderBy(finding => finding.Line)
            .ThenBy(finding => finding.Column)
            .ThenBy(finding => finding.Tool, StringComparer.Ordinal)
            .ThenBy(finding => finding.Rule, StringComparer.Ordinal)
            .ThenBy(finding => finding.Message, StringComparer.Ordinal),
    ];

    public static int CountCodeLines(string code) =>
        code.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));
}
