namespace MasteryEngine.ReviewAgent.Analysis;

/// <summary>A function, method or class as radon measured it.</summary>
/// <param name="Kind"><c>function</c>, <c>method</c> or <c>class</c>.</param>
/// <param name="Complexity">McCabe cyclomatic complexity.</param>
public sealed record CodeBlock(string Name, string Kind, int Line, int EndLine, int Complexity)
{
    public int Length => Math.Max(1, EndLine - Line + 1);

    public bool IsFunction => Kind is "function" or "method";
}
