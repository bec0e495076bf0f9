namespace MasteryEngine.ReviewAgent.Tests.Infrastructure;

/// <summary>The small Python programs in <c>Corpus/</c>, copied next to the tests.</summary>
public static class Corpus
{
    public static readonly IReadOnlyList<string> Names = ["clean", "stylistic", "syntax_error", "undefined_names", "deeply_nested", "very_long"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name + ".py"));
}
