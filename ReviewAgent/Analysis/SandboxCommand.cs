namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>An analyser invocation: an absolute executable path and its arguments, run in the submission's directory.</summary>
public sealed record SandboxCommand(string Tool, string Executable, IReadOnlyList<string> Arguments);
