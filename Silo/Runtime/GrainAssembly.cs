using System.Reflection;

namespace MasteryEngine.Silo.Runtime;

/// <summary>An assembly whose grain classes the silo hosts (registered in DI by <c>AddGrains</c>).</summary>
public sealed record GrainAssembly(Assembly Assembly);
