using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Scoring;
using MasteryEngine.ReviewAgent.Tests.Infrastructure;

namespace MasteryEngine.ReviewAgent.Tests.Corpus;

/// <summary>
/// Analyses every corpus program once, all at once (the sandbox caps how many analysers run together), and the
/// clean program a second time for the determinism test: analyser runs cost about a second each.
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public Dictionary<string, AnalysisReport> Reports { get; } = new(StringComparer.Ordinal);

    public AnalysisReport CleanAgain { get; private set; } = null!;

    public QualityScore Score(string name) => QualityRubric.Score(Reports[name]);

    public async Task InitializeAsync()
    {
        var analyser = Analysers.Create();
        var names = Infrastructure.Corpus.Names;
        var runs = names.Select(name => analyser.AnalyseAsync(Infrastructure.Corpus.Read(name), CancellationToken.None)).ToList();
        var again = analyser.AnalyseAsync(Infrastructure.Corpus.Read("clean"), CancellationToken.None);
        var reports = await Task.WhenAll(runs);
        for (var i = 0; i < names.Count; i++)
        {
            Reports[names[i]] = reports[i];
        }

        CleanAgain = await again;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
