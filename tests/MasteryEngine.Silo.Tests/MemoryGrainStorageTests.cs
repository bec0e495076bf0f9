using MasteryEngine.Runtime.Storage;
using MasteryEngine.Silo.Storage;
using MasteryEngine.Testing;

namespace MasteryEngine.Silo.Tests;

public sealed class MemoryGrainStorageTests : GrainStorageConformanceTests
{
    protected override IGrainStorage Storage { get; } = new MemoryGrainStorage(new JsonGrainStateSerializer([]));
}
