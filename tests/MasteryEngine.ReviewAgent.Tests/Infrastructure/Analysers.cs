using MasteryEngine.ReviewAgent.Analysis;
using MasteryEngine.ReviewAgent.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Tests.Infrastructure;

/// <summary>The real analysers in the real sandbox, outside any host.</summary>
public static class Analysers
{
    public static PythonAnalyser Create(SandboxOptions? options = null) => Create(options ?? new SandboxOptions(), out _);

    public static PythonAnalyser Create(SandboxOptions options, out SandboxedProcessRunner runner)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        runner = new SandboxedProcessRunner(wrapped, TimeProvider.System);
        return new PythonAnalyser(runner, wrapped);
    }
}
